using Azure.Data.Tables;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Changes;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Services;

internal sealed class ServiceStore(StorageTables tables)
    : EntityStore<Service, ServiceEntity>(tables.Services, Fields), IServiceStore
{
    private static readonly QueryFields Fields = new("services", new Dictionary<string, QueryField>
    {
        ["uuid"] = new("RowKey", QueryValues.Uuid),
        ["name"] = new(nameof(ServiceEntity.Name)),
        ["state"] = new(nameof(ServiceEntity.State), QueryValues.State<ServiceState>()),
        ["image_name"] = new(nameof(ServiceEntity.ImageName)),
        // Any wire name in any case ("every_node" → "EVERY_NODE"), like states.
        ["deployment_strategy"] = new(nameof(ServiceEntity.DeploymentStrategy), QueryValues.State<DeploymentStrategy>()),
        ["stack"] = new(nameof(ServiceEntity.Stack), QueryValues.Uuid),
    });

    private static readonly string Terminated = ApiNames.Of(ServiceState.Terminated);

    public Task<IReadOnlyList<Service>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All, nameof(ServiceEntity.State), "ne", Terminated, cancellationToken);

    public Task<IReadOnlyList<Service>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All.Where("name", name), nameof(ServiceEntity.State), "ne", Terminated, cancellationToken);

    public Task<IReadOnlyList<Service>> ListByStackAsync(string @namespace, Guid stackUuid, CancellationToken cancellationToken = default) =>
        AllAsync(@namespace, TableQuery.All.Where("stack", TableKeys.Of(stackUuid)), cancellationToken);

    public async Task CreateTogetherAsync(IReadOnlyList<Service> created, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (created.Count > IServiceStore.MaxCreatedTogether || created.Select(s => s.Namespace).Distinct().Count() > 1)
            throw new ArgumentException($"At most {IServiceStore.MaxCreatedTogether} services of one namespace are created together.", nameof(created));
        // Every row is made (and checked) before the write, so bad input writes nothing.
        var rows = created.Select(s => (Row: From(s), Change: PendingChange(s, created: true))).ToList();
        if (rows.Count == 0)
            return;
        var client = await Table.ReadyAsync().ConfigureAwait(false);
        try
        {
            var response = await client.SubmitTransactionAsync(rows.SelectMany(r => PendingChangeEntity.AddsOf(r.Row, r.Change)), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < created.Count; i++)
                SetVersion(created[i], response.Value[i * PendingChangeEntity.OperationsWith(rows[0].Change)]);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var row = rows[(e.FailedTransactionActionIndex ?? 0) / PendingChangeEntity.OperationsWith(rows[0].Change)].Row;
            throw new EntityAlreadyExistsException(ServiceEntity.Resource, row.PartitionKey, row.RowKey, e);
        }

        await RelayAsync([.. rows.Select(r => r.Change)]).ConfigureAwait(false);
    }
}
