namespace FunctionsCloud.Domain.Services;

/// <summary>
/// Links may not go round: a service's link variables are made from its linked services' containers, so a service
/// that reaches itself through links (itself directly, a→b→a, or a longer chain) could never be deployed first.
/// </summary>
public static class LinkCycles
{
    /// <summary>
    /// The cycle that giving <paramref name="service"/> links to <paramref name="linksTo"/> would close, as the path
    /// from the service back to itself (e.g. [a, b, a]), or null when there is none.
    /// </summary>
    /// <param name="linksOf">The services each other service links to now.</param>
    public static IReadOnlyList<Guid>? Find(Guid service, IEnumerable<Guid> linksTo, Func<Guid, IEnumerable<Guid>> linksOf)
    {
        // Breadth-first from the new links, remembering how each service was reached, until the service itself turns up.
        var cameFrom = new Dictionary<Guid, Guid>();
        var queue = new Queue<Guid>();
        foreach (var target in linksTo.Distinct())
            Visit(service, target);
        while (queue.Count > 0 && !cameFrom.ContainsKey(service))
        {
            var current = queue.Dequeue();
            foreach (var next in linksOf(current))
                Visit(current, next);
        }

        return cameFrom.ContainsKey(service) ? PathBack(service, cameFrom) : null;

        void Visit(Guid from, Guid to)
        {
            if (cameFrom.TryAdd(to, from) && to != service)
                queue.Enqueue(to);
        }
    }

    private static IReadOnlyList<Guid> PathBack(Guid service, IReadOnlyDictionary<Guid, Guid> cameFrom)
    {
        var path = new List<Guid> { service };
        var at = cameFrom[service];
        while (at != service)
        {
            path.Add(at);
            at = cameFrom[at];
        }

        path.Add(service);
        path.Reverse();
        return path;
    }
}
