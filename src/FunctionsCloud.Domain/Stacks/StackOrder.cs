namespace FunctionsCloud.Domain.Stacks;

/// <summary>
/// The order a stack's services are deployed in: a service after every service it links to, so that its link
/// variables find their containers Running. Services of one level do not link to each other and run at once.
/// </summary>
public static class StackOrder
{
    /// <param name="links">Each service's name and the names (in the stack) it links to; names compare without case.</param>
    /// <returns>The levels, linked services first; or null and the cycle (e.g. [a, b, a]) when the links go round.</returns>
    public static (IReadOnlyList<IReadOnlyList<string>>? Levels, IReadOnlyList<string>? Cycle) Levels(IReadOnlyDictionary<string, IReadOnlyList<string>> links)
    {
        var comparer = StringComparer.OrdinalIgnoreCase;
        var remaining = links.ToDictionary(p => p.Key, p => p.Value.Where(links.ContainsKey).Distinct(comparer).ToList(), comparer);
        var levels = new List<IReadOnlyList<string>>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(p => p.Value.All(l => !remaining.ContainsKey(l))).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
                return (null, Cycle(remaining));
            levels.Add(ready);
            foreach (var name in ready)
                remaining.Remove(name);
        }

        return (levels, null);
    }

    /// <summary>A cycle among services none of which can go first: walk links until a name repeats.</summary>
    private static List<string> Cycle(Dictionary<string, List<string>> remaining)
    {
        var path = new List<string>();
        var at = remaining.Keys.Order(StringComparer.Ordinal).First();
        while (!path.Contains(at, StringComparer.OrdinalIgnoreCase))
        {
            path.Add(at);
            at = remaining[at].First(remaining.ContainsKey);
        }

        var start = path.FindIndex(n => string.Equals(n, at, StringComparison.OrdinalIgnoreCase));
        return [.. path[start..], at];
    }
}
