using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Links;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;

namespace FunctionsCloud.Application.Services;

/// <summary>Services as the API shows them: with their containers' counts and the link variables their Running containers offer.</summary>
public sealed class ServiceViews(IContainerStore containers, ServiceNodes nodes)
{
    public async Task<ServiceResource> ToResourceAsync(Service service, CancellationToken cancellationToken)
    {
        var all = await containers.ListByServiceAsync(service.Namespace, service.Uuid, cancellationToken);
        var linked = await nodes.LinkTargetsAsync(service.Namespace, all, cancellationToken);
        return ServiceResource.From(service, all, LinkVariables.For(service.Name, linked));
    }

    /// <summary>A service that has never had containers, without reading any.</summary>
    public static ServiceResource New(Service service) => ServiceResource.From(service, [], []);
}
