using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Containers;

[Collection(AzuriteCollection.Name)]
public sealed class ContainerFilterTests : IAsyncLifetime
{
    private static readonly Guid Web = Guid.NewGuid();
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid NodeA = Guid.NewGuid();
    private static readonly Guid NodeB = Guid.NewGuid();

    private readonly IContainerStore _containers = new ContainerStore(new TestStorage(AzuriteFixture.UniquePrefix()).Tables);
    private readonly Container _web1 = ContainerSamples.Container(service: Web, serviceName: "web", number: 1, node: NodeA);
    private readonly Container _web2 = ContainerSamples.Container(service: Web, serviceName: "web", number: 2, node: NodeB, state: ContainerState.Stopped);
    private readonly Container _worker1 = ContainerSamples.Container(service: Worker, serviceName: "worker", number: 1, node: NodeA);

    public async Task InitializeAsync()
    {
        foreach (var container in new[] { _web1, _web2, _worker1, ContainerSamples.Container("bob", service: Web, serviceName: "web", node: NodeA) })
            await _containers.CreateAsync(container);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IEnumerable<Guid>> ListAsync(Func<TableQuery, TableQuery> filter) =>
        (await _containers.ListAsync(Samples.Namespace, filter(TableQuery.All), 0, 100)).Items.Select(c => c.Uuid).Order();

    private static IEnumerable<Guid> Uuids(params Container[] containers) => containers.Select(c => c.Uuid).Order();

    [Fact]
    public void The_documented_fields_are_queryable()
    {
        Assert.Equal(["name", "node", "service", "state", "uuid"], _containers.QueryableFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Uuid_filters_take_a_uuid_a_resource_uri_or_a_prefix()
    {
        Assert.Equal(Uuids(_web2), await ListAsync(q => q.Where("uuid", _web2.Uuid.ToString("D"))));
        Assert.Equal(Uuids(_web2), await ListAsync(q => q.Where("uuid", $"/api/app/v1/container/{_web2.Uuid:D}/")));
        Assert.Equal(Uuids(_web2), await ListAsync(q => q.WhereStartsWith("uuid", _web2.Uuid.ToString("D")[..8].ToUpperInvariant())));
    }

    [Fact]
    public async Task Name_filters_by_the_service_and_number_and_by_prefix()
    {
        Assert.Equal(Uuids(_web2), await ListAsync(q => q.Where("name", "web-2")));
        Assert.Equal(Uuids(_web1, _web2), await ListAsync(q => q.WhereStartsWith("name", "web-")));
        Assert.Equal(Uuids(_worker1), await ListAsync(q => q.WhereStartsWith("name", "wor")));
    }

    [Fact]
    public async Task State_filters_take_the_wire_name_in_any_case()
    {
        Assert.Equal(Uuids(_web1, _worker1), await ListAsync(q => q.Where("state", "RUNNING")));
        Assert.Equal(Uuids(_web2), await ListAsync(q => q.Where("state", "Stopped")));
    }

    [Fact]
    public async Task Service_filters_take_a_uuid_or_a_resource_uri()
    {
        Assert.Equal(Uuids(_web1, _web2), await ListAsync(q => q.Where("service", Web.ToString("D").ToUpperInvariant())));
        Assert.Equal(Uuids(_worker1), await ListAsync(q => q.Where("service", $"/api/app/v1/service/{Worker:D}/")));
        Assert.Equal(Uuids(_worker1), await ListAsync(q => q.Where("service", $"/api/app/v1/service/{Worker:D}")));
    }

    [Fact]
    public async Task Node_filters_take_a_uuid_or_a_resource_uri()
    {
        Assert.Equal(Uuids(_web1, _worker1), await ListAsync(q => q.Where("node", NodeA.ToString("D"))));
        Assert.Equal(Uuids(_web2), await ListAsync(q => q.Where("node", $"/api/infra/v1/node/{NodeB:D}/")));
    }

    [Fact]
    public async Task Filters_combine()
    {
        Assert.Equal(Uuids(_web1), await ListAsync(q => q.Where("service", Web.ToString("D")).Where("node", NodeA.ToString("D"))));
        Assert.Empty(await ListAsync(q => q.Where("service", Worker.ToString("D")).Where("state", "Stopped")));
    }
}
