using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Storage;

namespace FunctionsCloud.Storage.Tests.Querying;

[Collection(AzuriteCollection.Name)]
public sealed class ListingTests
{
    private readonly RequestCounter _counter = new();
    private readonly TestStorage _storage;

    public ListingTests() => _storage = new TestStorage(AzuriteFixture.UniquePrefix(), _counter);

    private async Task<List<NodeCluster>> CreateClustersAsync(int count, string @namespace = Samples.Namespace)
    {
        var clusters = new List<NodeCluster>();
        for (var i = 0; i < count; i++)
        {
            var cluster = Samples.Cluster(@namespace, name: $"web-{i:00}");
            await _storage.NodeClusters.CreateAsync(cluster);
            clusters.Add(cluster);
        }

        return clusters.OrderBy(c => c.Uuid.ToString("D"), StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Twenty_five_rows_come_in_three_pages_of_ten_by_continuation_token()
    {
        var clusters = await CreateClustersAsync(25);
        await CreateClustersAsync(3, "bob");

        var first = await _storage.NodeClusters.QueryPageAsync(Samples.Namespace, TableQuery.All, 10, null);
        var second = await _storage.NodeClusters.QueryPageAsync(Samples.Namespace, TableQuery.All, 10, first.ContinuationToken);
        var third = await _storage.NodeClusters.QueryPageAsync(Samples.Namespace, TableQuery.All, 10, second.ContinuationToken);

        Assert.Equal([10, 10, 5], new[] { first, second, third }.Select(p => p.Items.Count));
        Assert.NotNull(first.ContinuationToken);
        Assert.NotNull(second.ContinuationToken);
        Assert.Null(third.ContinuationToken);
        Assert.Equal(clusters.Select(c => c.Uuid), first.Items.Concat(second.Items).Concat(third.Items).Select(c => c.Uuid));
    }

    [Fact]
    public async Task Offset_twenty_limit_ten_gives_the_last_five_of_twenty_five()
    {
        var clusters = await CreateClustersAsync(25);

        var slice = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, 20, 10);

        Assert.Equal(25, slice.TotalCount);
        Assert.Equal(clusters.Skip(20).Select(c => c.Uuid), slice.Items.Select(c => c.Uuid));
        PropertyAssert.AllEqual(clusters[20], slice.Items[0], nameof(NodeCluster.Version));
    }

    [Fact]
    public async Task Slices_cover_the_list_and_past_the_end_is_empty()
    {
        var clusters = await CreateClustersAsync(12);

        var first = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, 0, 5);
        var middle = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, 5, 5);
        var past = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, 12, 5);
        var countOnly = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, 0, 0);

        Assert.Equal(clusters.Take(5).Select(c => c.Uuid), first.Items.Select(c => c.Uuid));
        Assert.Equal(clusters.Skip(5).Take(5).Select(c => c.Uuid), middle.Items.Select(c => c.Uuid));
        Assert.Empty(past.Items);
        Assert.Equal(12, past.TotalCount);
        Assert.Empty(countOnly.Items);
        Assert.Equal(12, countOnly.TotalCount);
    }

    [Fact]
    public async Task Counting_reads_only_row_keys()
    {
        await CreateClustersAsync(3);
        _counter.Clear();

        await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, 0, 0);

        var query = Uri.UnescapeDataString(Assert.Single(_counter.Requests).Uri.Query);
        Assert.Contains("$select=RowKey", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_filters_run_on_the_server_by_wire_name()
    {
        var deployed = Samples.Cluster(name: "a", state: NodeClusterState.Deployed);
        var partly = Samples.Cluster(name: "b", state: NodeClusterState.PartlyDeployed);
        await _storage.NodeClusters.CreateAsync(deployed);
        await _storage.NodeClusters.CreateAsync(partly);
        _counter.Clear();

        var page = await _storage.NodeClusters.QueryPageAsync(Samples.Namespace, TableQuery.All.Where("state", "Deployed"), 10, null);
        var spaced = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All.Where("state", "partly deployed"), 0, 10);

        Assert.Equal(deployed.Uuid, Assert.Single(page.Items).Uuid);
        Assert.Equal(partly.Uuid, Assert.Single(spaced.Items).Uuid);
        Assert.Equal(1, spaced.TotalCount);
        Assert.Contains("State eq 'Deployed'", Uri.UnescapeDataString(_counter.Requests[0].Uri.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_startswith_is_a_server_side_range()
    {
        foreach (var name in new[] { "web-1", "web-2", "wex", "we", "db-1" })
            await _storage.NodeClusters.CreateAsync(Samples.Cluster(name: name));

        var result = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All.WhereStartsWith("name", "web"), 0, 10);

        Assert.Equal(["web-1", "web-2"], result.Items.Select(c => c.Name).Order());
        Assert.Equal(2, result.TotalCount);
    }

    [Fact]
    public async Task Uuid_startswith_resolves_a_short_id_in_any_case()
    {
        var clusters = await CreateClustersAsync(5);
        var target = clusters[2];

        var result = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All.WhereStartsWith("uuid", target.Uuid.ToString("D")[..8].ToUpperInvariant()), 0, 10);
        var exact = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All.Where("uuid", target.Uuid.ToString("D")), 0, 10);

        Assert.Equal(target.Uuid, Assert.Single(result.Items).Uuid);
        Assert.Equal(target.Uuid, Assert.Single(exact.Items).Uuid);
    }

    [Fact]
    public async Task Filters_combine_and_values_are_escaped()
    {
        await _storage.NodeClusters.CreateAsync(Samples.Cluster(name: "o'brien"));
        await _storage.NodeClusters.CreateAsync(Samples.Cluster(name: "o'brien", state: NodeClusterState.Deployed));
        await _storage.NodeClusters.CreateAsync(Samples.Cluster(name: "x' or Name ne '"));

        var result = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All.Where("name", "o'brien").Where("state", "Deployed"), 0, 10);
        var injected = await _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All.Where("name", "' or Name ne '"), 0, 10);

        Assert.Equal(1, result.TotalCount);
        Assert.Equal(0, injected.TotalCount);
    }

    [Fact]
    public async Task Region_and_node_type_filters_take_catalog_resource_uris()
    {
        var cluster = Samples.Cluster();
        await _storage.NodeClusters.CreateAsync(cluster);

        var query = TableQuery.All
            .Where("region", "/api/infra/v1/region/aws/us-east-1/")
            .Where("node_type", "/api/infra/v1/nodetype/aws/t3.small/")
            .Where("provider", "aws");
        var result = await _storage.NodeClusters.ListAsync(Samples.Namespace, query, 0, 10);

        Assert.Equal(cluster.Uuid, Assert.Single(result.Items).Uuid);
    }

    [Fact]
    public async Task An_unknown_field_throws_naming_it_before_any_request()
    {
        _counter.Clear();

        var error = await Assert.ThrowsAsync<UnknownQueryFieldException>(() =>
            _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All.Where("PartitionKey", "bob"), 0, 10));

        Assert.Equal("PartitionKey", error.Field);
        Assert.Contains("node_type", error.Message, StringComparison.Ordinal);
        Assert.Empty(_counter.Requests);
        await Assert.ThrowsAsync<UnknownQueryFieldException>(() =>
            _storage.Actions.QueryPageAsync(Samples.Namespace, TableQuery.All.WhereStartsWith("name", "x"), 10, null));
    }

    [Fact]
    public void Stores_name_their_queryable_fields()
    {
        Assert.Equal(["name", "node_type", "provider", "region", "state", "uuid"], _storage.NodeClusters.QueryableFields.Order());
        Assert.Equal(["node_cluster", "node_type", "provider", "region", "state", "uuid"], _storage.Nodes.QueryableFields.Order());
        Assert.Equal(["action", "object", "state", "user", "uuid"], _storage.Actions.QueryableFields.Order());
    }

    [Fact]
    public async Task A_namespace_sees_only_its_own_rows()
    {
        var uuid = Guid.NewGuid();
        var alices = Samples.Cluster("alice", "alices", uuid);
        var bobs = Samples.Cluster("bob", "bobs", uuid);
        await _storage.NodeClusters.CreateAsync(alices);
        await _storage.NodeClusters.CreateAsync(bobs);
        await CreateClustersAsync(2, "bob");
        await _storage.Nodes.CreateAsync(Samples.Node("bob", uuid: uuid));
        await _storage.Actions.CreateAsync(Samples.Action("bob", uuid));

        Assert.Equal("alices", (await _storage.NodeClusters.GetAsync("alice", uuid))!.Name);
        Assert.Equal("bobs", (await _storage.NodeClusters.GetAsync("bob", uuid))!.Name);
        Assert.Null(await _storage.NodeClusters.GetAsync("carol", uuid));
        Assert.Null(await _storage.Nodes.GetAsync("alice", uuid));
        Assert.Null(await _storage.Actions.GetAsync("alice", uuid));

        var list = await _storage.NodeClusters.ListAsync("alice", TableQuery.All, 0, 100);
        var page = await _storage.NodeClusters.QueryPageAsync("alice", TableQuery.All.WhereStartsWith("name", ""), 100, null);
        Assert.Equal(alices.Uuid, Assert.Single(list.Items).Uuid);
        Assert.Equal(1, list.TotalCount);
        Assert.Equal("alice", Assert.Single(page.Items).Namespace);
        Assert.Equal(0, (await _storage.Nodes.ListAsync("alice", TableQuery.All, 0, 10)).TotalCount);
    }

    [Fact]
    public async Task Bad_paging_arguments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _storage.NodeClusters.QueryPageAsync(Samples.Namespace, TableQuery.All, 0, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _storage.NodeClusters.QueryPageAsync(Samples.Namespace, TableQuery.All, 1001, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, -1, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _storage.NodeClusters.ListAsync(Samples.Namespace, TableQuery.All, 0, -1));
    }
}
