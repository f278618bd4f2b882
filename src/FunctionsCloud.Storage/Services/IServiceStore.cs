using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Services;

/// <summary>
/// Services by namespace. Lists filter on uuid, name, state, image_name, deployment_strategy and stack.
/// Several writers change a service (requests, operations): use the read-change-write UpdateAsync.
/// </summary>
public interface IServiceStore : IEntityStore<Service>
{
    /// <summary>Every service of the namespace that is not Terminated, in uuid order.</summary>
    Task<IReadOnlyList<Service>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default);

    /// <summary>The services of that name that are not Terminated (server-side filter), in uuid order.</summary>
    Task<IReadOnlyList<Service>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default);

    /// <summary>Every service of the stack, Terminated ones included, in uuid order.</summary>
    Task<IReadOnlyList<Service>> ListByStackAsync(string @namespace, Guid stackUuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores new services of one namespace in one transaction (at most <see cref="MaxCreatedTogether"/>): all of
    /// them or none, each with its change. Throws <see cref="Entities.EntityAlreadyExistsException"/> when a uuid is taken.
    /// </summary>
    Task CreateTogetherAsync(IReadOnlyList<Service> created, CancellationToken cancellationToken = default);

    /// <summary>A table transaction holds at most 100 rows, and each service brings its change (outbox row) beside it.</summary>
    const int MaxCreatedTogether = 50;
}
