using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Domain.Placement;

/// <summary>Which of a service's containers go when it scales down.</summary>
public static class ScaleDownSelection
{
    /// <summary>
    /// The <paramref name="count"/> live containers to remove: the highest-numbered ones; under
    /// <see cref="DeploymentStrategy.HighAvailability"/> each from a node that holds the most of the service at that
    /// point (its highest-numbered one; ties: the node whose highest number is higher), so the spread stays even.
    /// In removal order. Costs O(m log m) for m containers.
    /// </summary>
    public static IReadOnlyList<Container> Choose(DeploymentStrategy strategy, IEnumerable<Container> containers, int count)
    {
        var live = containers.Where(c => c.IsLive).OrderByDescending(c => c.Number).ToList();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, live.Count);

        return strategy == DeploymentStrategy.HighAvailability ? FromFullestNodes(live, count) : live.Take(count).ToList();
    }

    /// <param name="live">The containers, highest number first.</param>
    private static List<Container> FromFullestNodes(List<Container> live, int count)
    {
        // Each node's containers, highest number first; the queue ranks nodes by most containers, then highest number.
        var byNode = live.GroupBy(c => c.NodeUuid).Select(g => new Queue<Container>(g)).ToList();
        var nodes = new PriorityQueue<Queue<Container>, (int Count, int Number)>(
            byNode.Select(q => (q, Rank(q))), Comparer<(int Count, int Number)>.Create((a, b) => b.CompareTo(a)));

        var chosen = new List<Container>(count);
        while (chosen.Count < count)
        {
            var node = nodes.Dequeue();
            chosen.Add(node.Dequeue());
            if (node.Count > 0)
                nodes.Enqueue(node, Rank(node));
        }

        return chosen;
    }

    private static (int Count, int Number) Rank(Queue<Container> node) => (node.Count, node.Peek().Number);
}
