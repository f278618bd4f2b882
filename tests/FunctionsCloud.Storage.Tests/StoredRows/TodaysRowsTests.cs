using Azure.Data.Tables;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.StoredRows;

/// <summary>
/// Rows as the stores write them today, column by column, put in place by hand: each reads, and written back by its
/// store it is the same row, so no column is renamed, dropped or stored in another format.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TodaysRowsTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 4, 3, 1, 7, 890, TimeSpan.Zero);
    private static readonly DateTimeOffset Deployed = Created.AddMinutes(1);
    private static readonly DateTimeOffset Destroyed = Created.AddMinutes(2);
    private static readonly Guid Action = Guid.Parse("0b6f4d2e-8a1c-4e3b-9f57-2d8c6a1e4b90");

    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    [Fact]
    public async Task A_stack_row_reads_and_is_written_back_unchanged()
    {
        var row = Operated(new TableEntity(Samples.Namespace, Guid.NewGuid().ToString("D"))
        {
            ["Name"] = "shop",
            ["Nickname"] = "Shop",
            ["State"] = "Partly running",
            ["Complete"] = true,
        });

        var stack = await ReadAndWriteBackAsync(new StackStore(_storage.Tables), _storage.Names.Stacks, row, stored => stored.Version);

        Assert.Equal(("shop", ServiceState.PartlyRunning, true), (stack.Name, stack.State, stack.Complete));
        AssertOperated(stack.CreatedDatetime, stack.DeployedDatetime, stack.DestroyedDatetime, stack.ActiveAction);
    }

    [Fact]
    public async Task A_node_cluster_row_reads_and_is_written_back_unchanged()
    {
        var row = Operated(new TableEntity(Samples.Namespace, Guid.NewGuid().ToString("D"))
        {
            ["Name"] = "web",
            ["Nickname"] = "Web tier",
            ["State"] = "Partly deployed",
            ["Provider"] = "aws",
            ["Region"] = "us-east-1",
            ["NodeType"] = "t3.small",
            ["Disk"] = 80,
            ["TargetNumNodes"] = 3,
            ["Tags"] = """["web"]""",
            ["ProviderOptions"] = """{"vpc":{"id":"vpc-1"}}""",
        });

        var cluster = await ReadAndWriteBackAsync(_storage.NodeClusters, _storage.Names.NodeClusters, row, stored => stored.Version);

        Assert.Equal(("web", NodeClusterState.PartlyDeployed, 3), (cluster.Name, cluster.State, cluster.TargetNumNodes));
        AssertOperated(cluster.CreatedDatetime, cluster.DeployedDatetime, cluster.DestroyedDatetime, cluster.ActiveAction);
    }

    [Fact]
    public async Task A_service_row_reads_and_is_written_back_unchanged()
    {
        var row = Operated(new TableEntity(Samples.Namespace, Guid.NewGuid().ToString("D"))
        {
            ["Name"] = "web",
            ["Nickname"] = "Web front",
            ["State"] = "Running",
            ["ImageName"] = "busybox",
            ["TargetNumContainers"] = 2,
            ["DeploymentStrategy"] = "HIGH_AVAILABILITY",
            ["Tags"] = "[]",
            ["ContainerPorts"] = "[]",
            ["ContainerEnvvars"] = "[]",
            ["LinkedToService"] = "[]",
            ["RunCommand"] = """["httpd","-f"]""",
            ["Memory"] = 256L,
            ["CpuShares"] = 512L,
            ["Autorestart"] = "ON_FAILURE",
            ["Autodestroy"] = "OFF",
            ["Autoredeploy"] = true,
            ["SequentialDeployment"] = false,
            ["Privileged"] = false,
            ["Net"] = "bridge",
            ["Pid"] = "none",
            ["Bindings"] = "[]",
            ["FreshVolumes"] = false,
            ["TriggerBody"] = """{"tag":"v2"}""",
            ["Stack"] = "4c7a2b1e-9d3f-4e8a-b6c5-1f0e2d3c4b5a",
            ["LeavingStack"] = false,
        });

        var service = await ReadAndWriteBackAsync(new ServiceStore(_storage.Tables), _storage.Names.Services, row, stored => stored.Version);

        Assert.Equal(("web", ServiceState.Running, 2), (service.Name, service.State, service.TargetNumContainers));
        AssertOperated(service.CreatedDatetime, service.DeployedDatetime, service.DestroyedDatetime, service.ActiveAction);
    }

    [Fact]
    public async Task A_node_row_reads_and_is_written_back_unchanged()
    {
        var row = Operated(new TableEntity(Samples.Namespace, Guid.NewGuid().ToString("D"))
        {
            ["NodeCluster"] = "9e1d2c3b-4a5f-4e6d-8c7b-0a1f2e3d4c5b",
            ["Provider"] = "aws",
            ["Region"] = "us-east-1",
            ["NodeType"] = "t3.small",
            ["State"] = "Deployed",
            ["Nickname"] = "web-1",
            ["PublicIp"] = "203.0.113.7",
            ["DockerVersion"] = "24.0.7",
            ["Cpu"] = 2,
            ["Memory"] = 4096L,
            ["Disk"] = 80L,
            ["CurrentNumContainers"] = 4,
            ["LastSeen"] = Created.AddMinutes(3),
            ["Tags"] = "[]",
            ["CredentialVersion"] = 3,
            ["Registered"] = true,
        });

        var node = await ReadAndWriteBackAsync(_storage.Nodes, _storage.Names.Nodes, row, stored => stored.Version);

        Assert.Equal(("web-1", NodeState.Deployed, 3), (node.Nickname, node.State, node.CredentialVersion));
        AssertOperated(node.CreatedDatetime, node.DeployedDatetime, node.DestroyedDatetime, node.ActiveAction);
    }

    [Fact]
    public async Task A_container_row_reads_and_is_written_back_unchanged()
    {
        var row = new TableEntity(Samples.Namespace, Guid.NewGuid().ToString("D"))
        {
            ["ServiceUuid"] = "4c7a2b1e-9d3f-4e8a-b6c5-1f0e2d3c4b5a",
            ["ServiceName"] = "web",
            ["Number"] = 1,
            ["Name"] = "web-1",
            ["NodeUuid"] = "9e1d2c3b-4a5f-4e6d-8c7b-0a1f2e3d4c5b",
            ["State"] = "Stopped",
            ["Desired"] = "Stopped",
            ["Revision"] = 2,
            ["ReportedRevision"] = 2,
            ["Intent"] = 1,
            ["Spec"] = """{"image":"busybox","command":null,"entrypoint":null,"working_dir":null,"env":[],"ports":[],"extra_hosts":[],"memory":null,"cpu_shares":null,"autorestart":"OFF","autodestroy":"OFF","privileged":false,"net":"bridge","pid":"none","bindings":null}""",
            ["VolumeSet"] = 1,
            ["ExitCode"] = 137,
            ["Ports"] = "[]",
            ["CreatedDatetime"] = Created,
            ["StartedDatetime"] = Deployed,
            ["StoppedDatetime"] = Created.AddMinutes(3),
            ["DestroyedDatetime"] = Destroyed,
        };

        var container = await ReadAndWriteBackAsync(new ContainerStore(_storage.Tables), _storage.Names.Containers, row, stored => stored.Version);

        Assert.Equal(("web-1", ContainerState.Stopped, 137), (container.Name, container.State, container.ExitCode));
        Assert.Equal((Created, Destroyed), (container.CreatedDatetime, container.DestroyedDatetime));
    }

    /// <summary>The row with the columns of an object that users operate on.</summary>
    private static TableEntity Operated(TableEntity row)
    {
        row["CreatedDatetime"] = Created;
        row["DeployedDatetime"] = Deployed;
        row["DestroyedDatetime"] = Destroyed;
        row["ActiveAction"] = Action.ToString("D");
        return row;
    }

    private static void AssertOperated(DateTimeOffset created, DateTimeOffset? deployed, DateTimeOffset? destroyed, Guid? action) =>
        Assert.Equal((Created, Deployed, Destroyed, Action), (created, deployed, destroyed, action));

    /// <summary>Puts the row in place, reads it through the store, writes it back and asserts the row is as it was.</summary>
    private async Task<T> ReadAndWriteBackAsync<T>(IEntityStore<T> store, string table, TableEntity row, Func<T, string?> version) where T : class
    {
        var raw = _storage.Raw(table);
        await raw.CreateIfNotExistsAsync();
        var written = await raw.AddEntityAsync(row);

        var item = await store.GetAsync(row.PartitionKey, Guid.Parse(row.RowKey));
        Assert.NotNull(item);
        Assert.Equal(written.Headers.ETag.ToString(), version(item));
        await store.UpdateAsync(item);

        var rewritten = (await raw.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey)).Value;
        Assert.Equal(Columns(row), Columns(rewritten));
        return item;
    }

    private static SortedDictionary<string, object> Columns(TableEntity row) =>
        new(row.Where(column => column.Key is not ("odata.etag" or "Timestamp")).ToDictionary(), StringComparer.Ordinal);
}
