using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>Triggers by namespace. Lists filter on uuid, name, operation and service (a uuid or resource_uri).</summary>
public interface ITriggerStore : IEntityStore<Trigger>
{
    public const string ServiceField = "service";

    /// <summary>Every trigger of the service (a service has few).</summary>
    Task<IReadOnlyList<Trigger>> ListByServiceAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken = default);

    /// <summary>Removes the trigger; false when there was none.</summary>
    Task<bool> DeleteAsync(string @namespace, Guid uuid, CancellationToken cancellationToken = default);
}
