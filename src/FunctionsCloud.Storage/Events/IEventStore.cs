using FunctionsCloud.Domain.Events;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Events;

/// <summary>Events by namespace, newest first. Lists filter on uuid, type, object and state.</summary>
public interface IEventStore : IEntityStore<EventRecord>
{
    /// <summary>Stores new events, those of one namespace in as few transactions as possible.</summary>
    Task AddAsync(IReadOnlyCollection<EventRecord> events, CancellationToken cancellationToken = default);
}
