using Azure.Data.Tables;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Containers;

[Collection(AzuriteCollection.Name)]
public sealed class ContainerStoreTests
{
    private readonly TestStorage _storage;
    private readonly IContainerStore _containers;

    public ContainerStoreTests()
    {
        _storage = new TestStorage(AzuriteFixture.UniquePrefix());
        _containers = new ContainerStore(_storage.Tables);
    }

    [Fact]
    public async Task Every_field_round_trips()
    {
        var container = ContainerSamples.Container(number: 3);
        PropertyAssert.NoDefaults(container, nameof(Container.Version));
        PropertyAssert.NoDefaults(container.Spec);

        await _containers.CreateAsync(container);
        var stored = await _containers.GetAsync(container.Namespace, container.Uuid);

        Assert.False(string.IsNullOrEmpty(container.Version));
        ContainerSamples.AssertEqual(container, stored);
        Assert.Equal("web-3", stored!.Name);
    }

    [Fact]
    public async Task Rows_hold_the_name_wire_names_and_json_columns()
    {
        var container = ContainerSamples.Container(serviceName: "api", number: 12);
        await _containers.CreateAsync(container);

        var row = (await _storage.Raw(_storage.Names.Containers).GetEntityAsync<TableEntity>(container.Namespace, container.Uuid.ToString("D"))).Value;

        Assert.Equal("api-12", row["Name"]);
        Assert.Equal("Running", row["State"]);
        Assert.Equal("Stopped", row["Desired"]);
        Assert.Equal(container.ServiceUuid.ToString("D"), row["ServiceUuid"]);
        Assert.Equal(container.NodeUuid.ToString("D"), row["NodeUuid"]);
        Assert.Contains("\"autorestart\":\"ON_FAILURE\"", (string)row["Spec"], StringComparison.Ordinal);
        Assert.Contains("\"autodestroy\":\"ALWAYS\"", (string)row["Spec"], StringComparison.Ordinal);
        Assert.Equal("""[{"protocol":"tcp","inner_port":80,"outer_port":32768},{"protocol":"udp","inner_port":53,"outer_port":null}]""", row["Ports"]);
    }

    [Fact]
    public async Task Unset_optional_values_round_trip_as_unset()
    {
        var container = ContainerSamples.Bare();

        await _containers.CreateAsync(container);
        var stored = await _containers.GetAsync(container.Namespace, container.Uuid);

        ContainerSamples.AssertEqual(container, stored);
        Assert.Equal(ContainerState.Starting, stored!.State);
        Assert.Equal(ContainerDesire.Running, stored.Desired);
        Assert.Null(stored.ExitCode);
        Assert.Null(stored.Spec.Command);
        Assert.Null(stored.Spec.MemoryMb);
        Assert.Empty(stored.Ports);
        Assert.Equal(default, stored.CreatedDatetime);
    }

    [Fact]
    public async Task A_spec_written_before_privileged_net_pid_bindings_and_origins_reads_as_their_defaults()
    {
        var container = ContainerSamples.Bare();
        await _containers.CreateAsync(container);
        var table = _storage.Raw(_storage.Names.Containers);
        var row = (await table.GetEntityAsync<TableEntity>(container.Namespace, container.Uuid.ToString("D"))).Value;
        row["Spec"] = """{"image":"busybox","command":null,"entrypoint":null,"working_dir":null,"env":[{"key":"A","value":"1"}],"ports":[],"extra_hosts":[],"memory":null,"cpu_shares":null,"autorestart":"OFF","autodestroy":"OFF"}""";
        row.Remove("VolumeSet");
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var stored = (await _containers.GetAsync(container.Namespace, container.Uuid))!.Spec;

        Assert.Equal((false, NetworkMode.Bridge, PidMode.None), (stored.Privileged, stored.Net, stored.Pid));
        Assert.Empty(stored.Bindings ?? []);
        Assert.Equal(EnvironmentOrigin.User, Assert.Single(stored.UserEnvironment).Source);
    }

    [Fact]
    public async Task Update_replaces_the_row_and_a_stale_copy_conflicts()
    {
        var container = ContainerSamples.Container();
        await _containers.CreateAsync(container);
        var stale = (await _containers.GetAsync(container.Namespace, container.Uuid))!;

        container.ExitCode = null;
        container.Revision = 4;
        container.Spec = container.Spec with { Command = null };
        container.MoveTo(ContainerState.Stopping);
        await _containers.UpdateAsync(container);
        stale.Desired = ContainerDesire.Removed;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _containers.UpdateAsync(stale));
        ContainerSamples.AssertEqual(container, await _containers.GetAsync(container.Namespace, container.Uuid));
    }

    [Fact]
    public async Task Another_namespace_sees_nothing()
    {
        var (service, node) = (Guid.NewGuid(), Guid.NewGuid());
        var container = ContainerSamples.Container(service: service, node: node);
        await _containers.CreateAsync(container);

        Assert.Null(await _containers.GetAsync("bob", container.Uuid));
        Assert.Empty(await _containers.ListLiveAsync("bob"));
        Assert.Empty(await _containers.ListByServiceAsync("bob", service));
        Assert.Empty(await _containers.ListLiveByNodeAsync("bob", node));
        Assert.Equal(0, (await _containers.ListAsync("bob", TableQuery.All, 0, 10)).TotalCount);
    }

    [Fact]
    public async Task A_service_lists_all_its_containers_terminated_ones_included()
    {
        var service = Guid.NewGuid();
        var mine = new[]
        {
            ContainerSamples.Container(service: service, number: 1),
            ContainerSamples.Container(service: service, number: 2, state: ContainerState.Terminated),
        };
        foreach (var container in mine.Append(ContainerSamples.Container()).Append(ContainerSamples.Container("bob", service: service)))
            await _containers.CreateAsync(container);

        var listed = await _containers.ListByServiceAsync(Samples.Namespace, service);

        Assert.Equal(InUuidOrder(mine), listed.Select(c => c.Uuid));
    }

    [Fact]
    public async Task A_node_lists_its_containers_that_are_not_terminated()
    {
        var node = Guid.NewGuid();
        var live = new[]
        {
            ContainerSamples.Container(node: node, state: ContainerState.Running),
            ContainerSamples.Container(node: node, state: ContainerState.Stopped),
            ContainerSamples.Container(node: node, state: ContainerState.Terminating),
        };
        var others = new[]
        {
            ContainerSamples.Container(node: node, state: ContainerState.Terminated),
            ContainerSamples.Container(),
            ContainerSamples.Container("bob", node: node),
        };
        foreach (var container in live.Concat(others))
            await _containers.CreateAsync(container);

        var listed = await _containers.ListLiveByNodeAsync(Samples.Namespace, node);

        Assert.Equal(InUuidOrder(live), listed.Select(c => c.Uuid));
    }

    [Fact]
    public async Task Live_containers_exclude_the_terminated_ones()
    {
        var live = new[] { ContainerSamples.Container(), ContainerSamples.Container(state: ContainerState.Starting) };
        foreach (var container in live.Append(ContainerSamples.Container(state: ContainerState.Terminated)).Append(ContainerSamples.Container("bob")))
            await _containers.CreateAsync(container);

        var listed = await _containers.ListLiveAsync(Samples.Namespace);

        Assert.Equal(InUuidOrder(live), listed.Select(c => c.Uuid));
    }

    private static IEnumerable<Guid> InUuidOrder(IEnumerable<Container> containers) =>
        containers.OrderBy(c => c.Uuid.ToString("D"), StringComparer.Ordinal).Select(c => c.Uuid);
}
