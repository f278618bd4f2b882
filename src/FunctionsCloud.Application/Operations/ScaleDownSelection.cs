namespace FunctionsCloud.Application.Operations;

/// <summary>
/// Which nodes go when a cluster shrinks: nodes that never came up first, then the emptiest, then the
/// newest, so that long-lived, busy nodes are kept.
/// </summary>
public static class ScaleDownSelection
{
    public static IReadOnlyList<Guid> Choose(IEnumerable<LiveNode> nodes, int count) => nodes
        .OrderBy(n => n.Deployed)
        .ThenBy(n => n.Containers)
        .ThenByDescending(n => n.Created)
        .ThenBy(n => n.Uuid)
        .Take(Math.Max(0, count))
        .Select(n => n.Uuid)
        .ToList();
}
