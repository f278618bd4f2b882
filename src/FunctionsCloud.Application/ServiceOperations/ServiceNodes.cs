using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Links;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>The namespace's nodes as a service operation sees them: placement's view, and whether a node can still confirm a removal.</summary>
public sealed class ServiceNodes(INodeStore nodes)
{
    /// <summary>Every Deployed node of the namespace with its container counts (all live containers, and the service's own).</summary>
    public async Task<IReadOnlyList<PlacementNode>> PlacementViewAsync(
        string @namespace, Guid serviceUuid, IReadOnlyList<Container> liveContainers, CancellationToken cancellationToken)
    {
        var deployed = await nodes.ListDeployedAsync(@namespace, cancellationToken);
        var total = liveContainers.CountBy(c => c.NodeUuid).ToDictionary();
        var own = liveContainers.Where(c => c.ServiceUuid == serviceUuid).CountBy(c => c.NodeUuid).ToDictionary();
        var held = liveContainers.GroupBy(c => c.NodeUuid).ToDictionary(g => g.Key, g => (IReadOnlySet<HostPort>)g.SelectMany(HostPort.HeldBy).ToHashSet());
        return deployed.Select(n => new PlacementNode(
            n.Uuid, n.State, n.Tags.ToHashSet(StringComparer.Ordinal), total.GetValueOrDefault(n.Uuid), own.GetValueOrDefault(n.Uuid))
        {
            HeldHostPorts = held.GetValueOrDefault(n.Uuid) ?? new HashSet<HostPort>(),
        }).ToList();
    }

    /// <summary>The nodes of these uuids that exist (a terminated node's row may be gone), by uuid.</summary>
    public async Task<IReadOnlyDictionary<Guid, Node>> GetAsync(string @namespace, IEnumerable<Guid> uuids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Node>();
        foreach (var uuid in uuids.Distinct())
        {
            if (await nodes.GetAsync(@namespace, uuid, cancellationToken) is { } node)
                found[uuid] = node;
        }

        return found;
    }

    /// <summary>The Running ones of a service's containers as linkers reach them (at their nodes' addresses), in number order.</summary>
    public async Task<IReadOnlyList<LinkedContainer>> LinkTargetsAsync(string @namespace, IEnumerable<Container> containers, CancellationToken cancellationToken)
    {
        var running = Running(containers);
        return LinkTargetsOn(running, await GetAsync(@namespace, running.Select(c => c.NodeUuid), cancellationToken));
    }

    /// <summary>The Running ones, in number order.</summary>
    public static List<Container> Running(IEnumerable<Container> containers) =>
        containers.Where(c => c.State == ContainerState.Running).OrderBy(c => c.Number).ToList();

    /// <summary>The Running ones of a service's containers as linkers reach them, on nodes read before.</summary>
    public static IReadOnlyList<LinkedContainer> LinkTargetsOn(IEnumerable<Container> containers, IReadOnlyDictionary<Guid, Node> hosts) =>
        Running(containers).Select(c => LinkTargets.Of(c, hosts.GetValueOrDefault(c.NodeUuid)?.PublicIp)).ToList();

    /// <summary>Whether the node's agent can still take a container off it and report so (it is live and heard from).</summary>
    public static bool CanConfirm(Node? node) => node is { State: NodeState.Deployed or NodeState.Deploying or NodeState.Upgrading };
}
