using Azure.Data.Tables;
using FunctionsCloud.Domain.Events;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Events;

internal sealed class EventStore(StorageTables tables)
    : EntityStore<EventRecord, EventEntity>(tables.Events, Fields), IEventStore
{
    private const int MaxOperations = 100;

    private static readonly QueryFields Fields = new("events", new Dictionary<string, QueryField>
    {
        ["uuid"] = new(nameof(EventEntity.Uuid), QueryValues.Uuid),
        ["type"] = new(nameof(EventEntity.Type)),
        ["object"] = new(nameof(EventEntity.Object)),
        ["state"] = new(nameof(EventEntity.State)),
    });

    public async Task AddAsync(IReadOnlyCollection<EventRecord> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
            return;
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        var batches = events
            .GroupBy(e => TableKeys.Require(e.Namespace, "Namespace"))
            .SelectMany(ns => ns.Chunk(MaxOperations))
            .Select(batch => batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventEntity.From(e))));
        await Task.WhenAll(batches.Select(batch => client.SubmitTransactionAsync(batch, cancellationToken))).ConfigureAwait(false);
    }
}
