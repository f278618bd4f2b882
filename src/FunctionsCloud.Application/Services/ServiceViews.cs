using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Links;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Nodes;

namespace FunctionsCloud.Application.Services;

/// <summary>Services as the API shows them: with their containers' counts and the link variables their Running containers offer.</summary>
public sealed class ServiceViews(IContainerStore containers, INodeStore nodes)
{
    public async Task<ServiceResource> ToResourceAsync(Service service, CancellationToken cancellationToken)
    {
        var all = await containers.ListByServiceAsync(service.Namespace, service.Uuid, cancellationToken);
        var running = all.Where(c => c.State == ContainerState.Running).ToList();
        var addresses = await NodeAddressesAsync(service.Namespace, running.Select(c => c.NodeUuid).Distinct(), cancellationToken);
        var linked = running.Select(c => LinkTargets.Of(c, addresses[c.NodeUuid])).ToList();
        return ServiceResource.From(service, all, LinkVariables.For(service.Name, linked));
    }

    /// <summary>A service that has never had containers, without reading any.</summary>
    public static ServiceResource New(Service service) => ServiceResource.From(service, [], []);

    /// <summary>Where linkers reach each node's published ports (null when unknown, or when the node's row is gone).</summary>
    private async Task<IReadOnlyDictionary<Guid, string?>> NodeAddressesAsync(string @namespace, IEnumerable<Guid> nodeUuids, CancellationToken cancellationToken)
    {
        var addresses = new Dictionary<Guid, string?>();
        foreach (var uuid in nodeUuids)
            addresses[uuid] = (await nodes.GetAsync(@namespace, uuid, cancellationToken))?.PublicIp;
        return addresses;
    }
}
