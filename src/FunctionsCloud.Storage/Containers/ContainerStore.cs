using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Changes;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Containers;

internal sealed class ContainerStore(StorageTables tables)
    : EntityStore<Container, ContainerEntity>(tables.Containers, Fields), IContainerStore
{
    private const string ServiceField = "service";
    private const string NodeField = "node";

    private static readonly QueryFields Fields = new("containers", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
        ["name"] = new(nameof(ContainerEntity.Name)),
        ["state"] = new(nameof(ContainerEntity.State), QueryValues.State<ContainerState>()),
        [ServiceField] = new(nameof(ContainerEntity.ServiceUuid), QueryValues.Uuid),
        [NodeField] = new(nameof(ContainerEntity.NodeUuid), QueryValues.Uuid),
    });

    private static readonly string Terminated = ApiNames.Of(ContainerState.Terminated);

    public Task<IReadOnlyList<Container>> ListByServiceAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken = default) =>
        AllAsync(@namespace, TableQuery.All.Where(ServiceField, TableKeys.Of(serviceUuid)), cancellationToken);

    public Task<IReadOnlyList<Container>> ListLiveByNodeAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All.Where(NodeField, TableKeys.Of(nodeUuid)), nameof(ContainerEntity.State), "ne", Terminated, cancellationToken);

    public Task<IReadOnlyList<Container>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All, nameof(ContainerEntity.State), "ne", Terminated, cancellationToken);

    public async Task CreateManyAsync(IReadOnlyList<Container> containers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(containers);
        // Every row is made (and checked) before the first write, so bad input writes nothing.
        var rows = containers.Select(c => (Item: c, Row: From(c), Change: PendingChange(c, created: true))).ToList();
        if (rows.Count == 0)
            return;
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        var written = await GroupedWrites.RunAsync(rows, r => r.Row.PartitionKey, GroupedWrites.MaxOperations / 2,
            async (group, ct) =>
            {
                var response = await client.SubmitTransactionAsync(group.SelectMany(r => PendingChangeEntity.AddsOf(r.Row, r.Change)), ct).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                    SetVersion(group[i].Item, response.Value[i * PendingChangeEntity.OperationsWith(group[0].Change)]);
            },
            async (row, ct) =>
            {
                try
                {
                    SetVersion(row.Item, await WriteAsync(client, new TableTransactionAction(TableTransactionActionType.Add, row.Row), row.Change, ct).ConfigureAwait(false));
                    return true;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    return false; // stored by an earlier try: left as it is
                }
            },
            cancellationToken).ConfigureAwait(false);
        await RelayAsync([.. rows.Where((_, i) => written[i]).Select(r => r.Change)]).ConfigureAwait(false);
    }
}
