using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// Spreads nodes over the launch targets round-robin, in node id order, so a retried activity with the same
/// nodes makes the same groups (and so the same idempotency tokens). The round starts at a target chosen by the
/// first node id, so clusters grown one node at a time do not all pile into the region's first zone.
/// </summary>
internal static class ZonePlan
{
    public static List<NodeToCreate>[] Assign(IReadOnlyList<NodeToCreate> nodes, int targetCount)
    {
        var groups = Enumerable.Range(0, targetCount).Select(_ => new List<NodeToCreate>()).ToArray();
        var ordered = nodes.OrderBy(n => n.NodeUuid).ToList();
        if (ordered.Count == 0)
        {
            return groups;
        }

        var start = StableIndex(ordered[0].NodeUuid, targetCount);
        for (var k = 0; k < ordered.Count; k++)
        {
            groups[(start + k) % targetCount].Add(ordered[k]);
        }

        return groups;
    }

    // Guid bytes of a v4 uuid are random: their first four make a stable, well-spread index (unlike string.GetHashCode, which varies by process).
    private static int StableIndex(Guid id, int count) => (int)(BitConverter.ToUInt32(id.ToByteArray(), 0) % (uint)count);
}
