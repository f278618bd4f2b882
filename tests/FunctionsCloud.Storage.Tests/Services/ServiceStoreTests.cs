using Azure.Data.Tables;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Services;

[Collection(AzuriteCollection.Name)]
public sealed class ServiceStoreTests
{
    private readonly TestStorage _storage;
    private readonly IServiceStore _services;

    public ServiceStoreTests()
    {
        _storage = new TestStorage(AzuriteFixture.UniquePrefix());
        _services = new ServiceStore(_storage.Tables);
    }

    [Fact]
    public async Task Every_field_round_trips()
    {
        var service = ServiceSamples.Service();
        PropertyAssert.NoDefaults(service, nameof(Service.Version));

        await _services.CreateAsync(service);
        var stored = await _services.GetAsync(service.Namespace, service.Uuid);

        Assert.NotNull(stored);
        Assert.False(string.IsNullOrEmpty(service.Version));
        PropertyAssert.AllEqual(service, stored);
    }

    [Fact]
    public async Task Rows_hold_wire_names_and_json_columns()
    {
        var service = ServiceSamples.Service();
        await _services.CreateAsync(service);

        var row = (await _storage.Raw(_storage.Names.Services).GetEntityAsync<TableEntity>(service.Namespace, service.Uuid.ToString("D"))).Value;

        Assert.Equal("Partly running", row["State"]);
        Assert.Equal("HIGH_AVAILABILITY", row["DeploymentStrategy"]);
        Assert.Equal("ON_FAILURE", row["Autorestart"]);
        Assert.Equal("ON_SUCCESS", row["Autodestroy"]);
        Assert.Equal("""[{"protocol":"tcp","inner_port":80,"outer_port":8080,"published":true},{"protocol":"udp","inner_port":53,"outer_port":null,"published":false}]""", row["ContainerPorts"]);
        Assert.Equal("""["httpd","-f","-p","80"]""", row["RunCommand"]);
        Assert.IsType<DateTimeOffset>(row["DeployedDatetime"]);
    }

    [Fact]
    public async Task Unset_optional_values_round_trip_as_unset_and_empty_commands_stay_empty()
    {
        var bare = ServiceSamples.Bare();
        var emptyCommand = ServiceSamples.Bare();
        emptyCommand.RunCommand = [];

        await _services.CreateAsync(bare);
        await _services.CreateAsync(emptyCommand);
        var stored = await _services.GetAsync(bare.Namespace, bare.Uuid);
        var storedEmpty = await _services.GetAsync(emptyCommand.Namespace, emptyCommand.Uuid);

        PropertyAssert.AllEqual(bare, stored);
        Assert.Equal(ServiceState.NotRunning, stored!.State);
        Assert.Null(stored.RunCommand);
        Assert.Null(stored.Entrypoint);
        Assert.Null(stored.Memory);
        Assert.Null(stored.ActiveAction);
        Assert.Empty(stored.ContainerPorts);
        Assert.Equal(default, stored.CreatedDatetime);
        Assert.NotNull(storedEmpty!.RunCommand);
        Assert.Empty(storedEmpty.RunCommand);
    }

    [Fact]
    public async Task A_duplicate_uuid_is_refused()
    {
        var service = ServiceSamples.Service();
        await _services.CreateAsync(service);
        var duplicate = new Service { Uuid = service.Uuid, Namespace = service.Namespace, Name = "other", ImageName = "busybox" };

        await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => _services.CreateAsync(duplicate));
        Assert.Equal(service.Name, (await _services.GetAsync(service.Namespace, service.Uuid))!.Name);
    }

    [Fact]
    public async Task A_json_column_too_long_for_the_table_is_refused_and_nothing_is_written()
    {
        var service = ServiceSamples.Service();
        service.ContainerEnvvars = [new EnvironmentVariable("BIG", new string('x', StoredValues.MaxStringLength))];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _services.CreateAsync(service));

        Assert.Equal(nameof(Service.ContainerEnvvars), error.ParamName);
        Assert.Null(await _services.GetAsync(service.Namespace, service.Uuid));
    }

    [Fact]
    public async Task Update_replaces_the_row_and_a_stale_copy_conflicts()
    {
        var service = ServiceSamples.Service();
        await _services.CreateAsync(service);
        var stale = (await _services.GetAsync(service.Namespace, service.Uuid))!;

        service.TargetNumContainers = 5;
        service.RunCommand = null;
        service.MoveTo(ServiceState.Scaling);
        await _services.UpdateAsync(service);
        stale.Nickname = "lost";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _services.UpdateAsync(stale));
        var stored = await _services.GetAsync(service.Namespace, service.Uuid);
        PropertyAssert.AllEqual(service, stored);
        Assert.Null(stored!.RunCommand);
    }

    [Fact]
    public async Task Another_namespace_sees_nothing()
    {
        var service = ServiceSamples.Service();
        await _services.CreateAsync(service);

        Assert.Null(await _services.GetAsync("bob", service.Uuid));
        Assert.Empty(await _services.ListLiveAsync("bob"));
        Assert.Equal(0, (await _services.ListAsync("bob", TableQuery.All, 0, 10)).TotalCount);
        Assert.Null(await _services.UpdateAsync("bob", service.Uuid, _ => true));
    }

    [Fact]
    public async Task Live_services_exclude_only_the_terminated_ones_in_uuid_order()
    {
        var live = new[]
        {
            ServiceSamples.Service(state: ServiceState.Running),
            ServiceSamples.Service(state: ServiceState.NotRunning),
            ServiceSamples.Service(state: ServiceState.Terminating),
        };
        foreach (var service in live.Append(ServiceSamples.Service(state: ServiceState.Terminated)).Append(ServiceSamples.Service("bob")))
            await _services.CreateAsync(service);

        var listed = await _services.ListLiveAsync(Samples.Namespace);

        Assert.Equal(live.Select(s => s.Uuid.ToString("D")).Order(StringComparer.Ordinal), listed.Select(s => s.Uuid.ToString("D")));
    }
}
