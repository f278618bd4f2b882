using Azure.Data.Tables;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Nodes;

[Collection(AzuriteCollection.Name)]
public sealed class NodeStoreTests
{
    private static readonly string[] HeartbeatProperties =
        [nameof(Node.LastSeen), nameof(Node.Cpu), nameof(Node.Memory), nameof(Node.Disk), nameof(Node.DockerVersion), nameof(Node.Version)];

    private readonly string _prefix = AzuriteFixture.UniquePrefix();
    private readonly TestStorage _storage;

    public NodeStoreTests() => _storage = new TestStorage(_prefix);

    [Fact]
    public async Task Every_field_round_trips()
    {
        var node = Samples.Node();
        PropertyAssert.NoDefaults(node, nameof(Node.Version));

        await _storage.Nodes.CreateAsync(node);
        var stored = await _storage.Nodes.GetAsync(node.Namespace, node.Uuid);

        Assert.NotNull(stored);
        PropertyAssert.AllEqual(node, stored);
        var row = (await _storage.Raw(_storage.Names.Nodes).GetEntityAsync<TableEntity>(node.Namespace, node.Uuid.ToString("D"))).Value;
        Assert.Equal("Unreachable", row["State"]);
        Assert.IsType<long>(row["Memory"]);
    }

    [Fact]
    public async Task A_node_without_cluster_or_inventory_round_trips()
    {
        var node = new Node { Uuid = Guid.NewGuid(), Namespace = Samples.Namespace, Provider = "byon", Region = "home", NodeType = "byon" };

        await _storage.Nodes.CreateAsync(node);
        var stored = await _storage.Nodes.GetAsync(node.Namespace, node.Uuid);

        PropertyAssert.AllEqual(node, stored);
        Assert.Null(stored!.NodeCluster);
        Assert.Null(stored.Cpu);
        Assert.Null(stored.LastSeen);
    }

    [Fact]
    public async Task Nodes_of_one_cluster_are_listed_server_side()
    {
        var (cluster, other) = (Guid.NewGuid(), Guid.NewGuid());
        var mine = new[] { Samples.Node(cluster: cluster), Samples.Node(cluster: cluster), Samples.Node(cluster: cluster) };
        foreach (var node in mine.Append(Samples.Node(cluster: other)).Append(Samples.Node(cluster: cluster, @namespace: "bob")))
            await _storage.Nodes.CreateAsync(node);

        var listed = await _storage.Nodes.ListByClusterAsync(Samples.Namespace, cluster);

        Assert.Equal(mine.Select(n => n.Uuid).Order(), listed.Select(n => n.Uuid));
    }

    [Fact]
    public async Task Node_cluster_filters_take_a_uuid_or_a_resource_uri()
    {
        var cluster = Guid.NewGuid();
        var node = Samples.Node(cluster: cluster);
        await _storage.Nodes.CreateAsync(node);
        await _storage.Nodes.CreateAsync(Samples.Node());

        var byUri = await _storage.Nodes.ListAsync(Samples.Namespace, TableQuery.All.Where("node_cluster", $"/api/infra/v1/nodecluster/{cluster:D}/"), 0, 10);
        var byUuid = await _storage.Nodes.ListAsync(Samples.Namespace, TableQuery.All.Where("node_cluster", cluster.ToString("D").ToUpperInvariant()), 0, 10);

        Assert.Equal(node.Uuid, Assert.Single(byUri.Items).Uuid);
        Assert.Equal(node.Uuid, Assert.Single(byUuid.Items).Uuid);
    }

    [Fact]
    public async Task A_heartbeat_updates_last_seen_and_inventory_and_leaves_the_rest()
    {
        var node = Samples.Node();
        await _storage.Nodes.CreateAsync(node);
        var seen = Samples.At(30);

        var found = await _storage.Nodes.RecordHeartbeatAsync(node.Namespace, node.Uuid, new NodeInventory(8, 16384, 200, "27.1.0"), seen);

        Assert.True(found);
        var stored = (await _storage.Nodes.GetAsync(node.Namespace, node.Uuid))!;
        Assert.Equal(seen, stored.LastSeen);
        Assert.Equal(8, stored.Cpu);
        Assert.Equal(16384, stored.Memory);
        Assert.Equal(200, stored.Disk);
        Assert.Equal("27.1.0", stored.DockerVersion);
        PropertyAssert.AllEqual(node, stored, HeartbeatProperties);
    }

    [Fact]
    public async Task A_heartbeat_without_docker_version_keeps_the_stored_one()
    {
        var node = Samples.Node();
        await _storage.Nodes.CreateAsync(node);

        await _storage.Nodes.RecordHeartbeatAsync(node.Namespace, node.Uuid, new NodeInventory(1, 512, 10, null), Samples.At(31));

        Assert.Equal(node.DockerVersion, (await _storage.Nodes.GetAsync(node.Namespace, node.Uuid))!.DockerVersion);
    }

    [Fact]
    public async Task A_heartbeat_makes_a_copy_read_before_it_stale()
    {
        var node = Samples.Node();
        await _storage.Nodes.CreateAsync(node);

        await _storage.Nodes.RecordHeartbeatAsync(node.Namespace, node.Uuid, new NodeInventory(1, 512, 10, null), Samples.At(31));
        node.Nickname = "stale write";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _storage.Nodes.UpdateAsync(node));
    }

    [Fact]
    public async Task A_heartbeat_for_a_missing_node_is_false_and_creates_no_row()
    {
        await _storage.Nodes.CreateAsync(Samples.Node()); // the table exists
        var missing = Guid.NewGuid();

        var found = await _storage.Nodes.RecordHeartbeatAsync(Samples.Namespace, missing, new NodeInventory(1, 512, 10, "24.0.7"), Samples.At(30));

        Assert.False(found);
        var row = await _storage.Raw(_storage.Names.Nodes).GetEntityIfExistsAsync<TableEntity>(Samples.Namespace, missing.ToString("D"));
        Assert.False(row.HasValue);
        Assert.Null(await _storage.Nodes.GetAsync(Samples.Namespace, missing));
    }

    [Fact]
    public async Task A_heartbeat_for_a_node_of_another_namespace_is_false()
    {
        var node = Samples.Node(@namespace: "bob");
        await _storage.Nodes.CreateAsync(node);

        Assert.False(await _storage.Nodes.RecordHeartbeatAsync(Samples.Namespace, node.Uuid, new NodeInventory(1, 512, 10, null), Samples.At(30)));
        Assert.Equal(node.LastSeen, (await _storage.Nodes.GetAsync("bob", node.Uuid))!.LastSeen);
    }

    [Fact]
    public async Task A_heartbeat_is_exactly_one_merge_request_and_no_read()
    {
        var node = Samples.Node();
        await _storage.Nodes.CreateAsync(node);
        // A fresh process: new clients and stores on the same tables, nothing created or read yet.
        var counter = new RequestCounter();
        var counted = new TestStorage(_prefix, counter);

        Assert.True(await counted.Nodes.RecordHeartbeatAsync(node.Namespace, node.Uuid, new NodeInventory(4, 8192, 100, "25.0.0"), Samples.At(40)));
        Assert.False(await counted.Nodes.RecordHeartbeatAsync(node.Namespace, Guid.NewGuid(), new NodeInventory(4, 8192, 100, "25.0.0"), Samples.At(40)));

        Assert.Equal(2, counter.Requests.Count);
        Assert.All(counter.Requests, request =>
        {
            Assert.Contains(request.Method, new[] { "PATCH", "MERGE" });
            Assert.Contains(_storage.Names.Nodes, request.Uri.AbsolutePath, StringComparison.Ordinal);
        });
        Assert.Contains(node.Uuid.ToString("D"), Uri.UnescapeDataString(counter.Requests[0].Uri.AbsolutePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heartbeat_before_the_table_exists_is_false_in_one_request()
    {
        var counter = new RequestCounter();
        var fresh = new TestStorage(AzuriteFixture.UniquePrefix(), counter);

        Assert.False(await fresh.Nodes.RecordHeartbeatAsync(Samples.Namespace, Guid.NewGuid(), new NodeInventory(1, 512, 10, null), Samples.At(30)));
        Assert.Single(counter.Requests);
    }
}
