using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Links;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Services;

/// <summary>Services as the API shows them: with their containers' counts and the link variables their Running containers offer.</summary>
public sealed class ServiceViews(IContainerStore containers, ServiceNodes nodes, IOptions<FunctionsCloudOptions> options)
{
    private int MaxContainers => options.Value.MaxContainersPerService;

    public async Task<ServiceResource> ToResourceAsync(Service service, CancellationToken cancellationToken)
    {
        var all = await containers.ListByServiceAsync(service.Namespace, service.Uuid, cancellationToken);
        var linked = await nodes.LinkTargetsAsync(service.Namespace, all, cancellationToken);
        return ServiceResource.From(service, all, LinkVariables.For(service.Name, linked), MaxContainers);
    }

    /// <summary>
    /// A page of services: the namespace's live containers read once and the nodes their Running ones are on read
    /// once, rather than both for each service. (A service's view lists only its live containers.)
    /// </summary>
    public async Task<IReadOnlyList<ServiceResource>> ToResourcesAsync(string @namespace, IReadOnlyList<Service> services, CancellationToken cancellationToken)
    {
        if (services.Count == 0)
            return [];
        var listed = services.Select(s => s.Uuid).ToHashSet();
        var live = (await containers.ListLiveAsync(@namespace, cancellationToken)).Where(c => listed.Contains(c.ServiceUuid)).ToLookup(c => c.ServiceUuid);
        var hosts = await nodes.GetAsync(@namespace, ServiceNodes.Running(live.SelectMany(g => g)).Select(c => c.NodeUuid), cancellationToken);
        return services.Select(s => ServiceResource.From(s, [.. live[s.Uuid]], LinkVariables.For(s.Name, ServiceNodes.LinkTargetsOn(live[s.Uuid], hosts)), MaxContainers)).ToList();
    }

    /// <summary>A service that has never had containers, without reading any.</summary>
    public ServiceResource New(Service service) => ServiceResource.From(service, [], [], MaxContainers);
}
