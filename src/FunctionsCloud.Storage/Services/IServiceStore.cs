using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Services;

/// <summary>
/// Services by namespace. Lists filter on uuid, name, state, image_name and deployment_strategy.
/// Several writers change a service (requests, operations): use the read-change-write UpdateAsync.
/// </summary>
public interface IServiceStore : IEntityStore<Service>
{
    /// <summary>Every service of the namespace that is not Terminated, in uuid order.</summary>
    Task<IReadOnlyList<Service>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default);

    /// <summary>The services of that name that are not Terminated (server-side filter), in uuid order.</summary>
    Task<IReadOnlyList<Service>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default);
}
