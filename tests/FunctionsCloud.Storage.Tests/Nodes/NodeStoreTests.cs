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
}
