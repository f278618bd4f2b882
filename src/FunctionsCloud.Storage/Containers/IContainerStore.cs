using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Containers;

/// <summary>
/// Containers by namespace; they are also the nodes' desired state (what each node's agent fetches).
/// Lists filter on uuid, name, state, service and node (each by uuid or resource_uri).
/// </summary>
public interface IContainerStore : IEntityStore<Container>
{
    /// <summary>The containers of one service (server-side filter), Terminated ones included, in uuid order.</summary>
    Task<IReadOnlyList<Container>> ListByServiceAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken = default);

    /// <summary>The containers placed on one node that are not Terminated (server-side filter), in uuid order.</summary>
    Task<IReadOnlyList<Container>> ListLiveByNodeAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken = default);

    /// <summary>Every container of the namespace that is not Terminated, in uuid order (placement's view of the nodes).</summary>
    Task<IReadOnlyList<Container>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default);

    /// <summary>Stores new containers, in transactions of up to 100; a container whose uuid is already stored is left as it is (idempotent retries).</summary>
    Task CreateManyAsync(IReadOnlyList<Container> containers, CancellationToken cancellationToken = default);
}
