using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Services;

[Collection(AzuriteCollection.Name)]
public sealed class ServiceFilterTests : IAsyncLifetime
{
    private readonly IServiceStore _services = new ServiceStore(new TestStorage(AzuriteFixture.UniquePrefix()).Tables);
    private readonly Service _web = ServiceSamples.Service(name: "web", image: "nginx:1.27", state: ServiceState.Running, strategy: DeploymentStrategy.EveryNode);
    private readonly Service _worker = ServiceSamples.Service(name: "worker", image: "busybox", state: ServiceState.Stopped);
    private readonly Service _db = ServiceSamples.Service(name: "db", image: "postgres:16", state: ServiceState.Running, strategy: DeploymentStrategy.EmptiestNode);

    public async Task InitializeAsync()
    {
        foreach (var service in new[] { _web, _worker, _db, ServiceSamples.Service("bob", name: "web", image: "nginx:1.27") })
            await _services.CreateAsync(service);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IEnumerable<Guid>> ListAsync(Func<TableQuery, TableQuery> filter) =>
        (await _services.ListAsync(Samples.Namespace, filter(TableQuery.All), 0, 100)).Items.Select(s => s.Uuid).Order();

    private static IEnumerable<Guid> Uuids(params Service[] services) => services.Select(s => s.Uuid).Order();

    [Fact]
    public void The_documented_fields_are_queryable()
    {
        Assert.Equal(["deployment_strategy", "image_name", "name", "stack", "state", "uuid"], _services.QueryableFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Uuid_filters_take_a_uuid_a_resource_uri_or_a_prefix()
    {
        Assert.Equal(Uuids(_web), await ListAsync(q => q.Where("uuid", _web.Uuid.ToString("D").ToUpperInvariant())));
        Assert.Equal(Uuids(_web), await ListAsync(q => q.Where("uuid", $"/api/app/v1/service/{_web.Uuid:D}/")));
        Assert.Equal(Uuids(_web), await ListAsync(q => q.WhereStartsWith("uuid", _web.Uuid.ToString("D")[..8].ToUpperInvariant())));
    }

    [Fact]
    public async Task Stack_filters_by_the_stacks_uuid_or_resource_uri()
    {
        Assert.Equal(Uuids(_web), await ListAsync(q => q.Where("stack", _web.StackUuid!.Value.ToString("D"))));
        Assert.Equal(Uuids(_db), await ListAsync(q => q.Where("stack", $"/api/app/v1/stack/{_db.StackUuid:D}/")));
    }

    [Fact]
    public async Task Name_filters_by_equality_and_prefix()
    {
        Assert.Equal(Uuids(_web), await ListAsync(q => q.Where("name", "web")));
        Assert.Equal(Uuids(_web, _worker), await ListAsync(q => q.WhereStartsWith("name", "w")));
    }

    [Fact]
    public async Task State_filters_take_the_wire_name_in_any_case()
    {
        Assert.Equal(Uuids(_web, _db), await ListAsync(q => q.Where("state", "running")));
        Assert.Equal(Uuids(_worker), await ListAsync(q => q.Where("state", "Stopped")));
    }

    [Fact]
    public async Task Image_name_filters_by_equality_and_prefix()
    {
        Assert.Equal(Uuids(_db), await ListAsync(q => q.Where("image_name", "postgres:16")));
        Assert.Equal(Uuids(_web), await ListAsync(q => q.WhereStartsWith("image_name", "nginx")));
    }

    [Fact]
    public async Task Deployment_strategy_filters_take_the_wire_name()
    {
        Assert.Equal(Uuids(_web), await ListAsync(q => q.Where("deployment_strategy", "EVERY_NODE")));
        Assert.Equal(Uuids(_worker), await ListAsync(q => q.Where("deployment_strategy", "high_availability")));
        Assert.Empty(await ListAsync(q => q.Where("deployment_strategy", "EveryNode")));
    }

    [Fact]
    public async Task Filters_combine()
    {
        Assert.Equal(Uuids(_db), await ListAsync(q => q.Where("state", "Running").Where("deployment_strategy", "EMPTIEST_NODE")));
    }

    [Fact]
    public async Task An_unknown_field_is_refused()
    {
        await Assert.ThrowsAsync<UnknownQueryFieldException>(() => ListAsync(q => q.Where("target_num_containers", "1")));
    }
}
