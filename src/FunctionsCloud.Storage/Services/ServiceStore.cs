using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
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
    });

    private static readonly string Terminated = ApiNames.Of(ServiceState.Terminated);

    public Task<IReadOnlyList<Service>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All, nameof(ServiceEntity.State), "ne", Terminated, cancellationToken);

    public Task<IReadOnlyList<Service>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        AllWhereAsync(@namespace, TableQuery.All.Where("name", name), nameof(ServiceEntity.State), "ne", Terminated, cancellationToken);
}
