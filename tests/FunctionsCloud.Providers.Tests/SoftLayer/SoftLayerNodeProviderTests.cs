using System.Globalization;
using System.Text.Json;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Http;
using FunctionsCloud.Providers.SoftLayer;
using FunctionsCloud.Providers.Tests.DigitalOcean;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Providers.Tests.SoftLayer;

/// <summary>The SoftLayer provider's real HttpClient code against a fake SoftLayer REST API on loopback.</summary>
public sealed class SoftLayerNodeProviderTests : IDisposable
{
    private const string Domain = "nodes.example.com";
    private static readonly Guid Cluster = Guid.Parse("0b5e1d7a-0000-4000-8000-00000000c1a5");
    private readonly RecordingProviderClock _clock = new();
    private readonly FakeSoftLayer _api = new();
    private readonly ServiceProvider _services;
    private readonly INodeProvider _provider;

    public SoftLayerNodeProviderTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Providers:SoftLayer:ApiUrl"] = _api.ApiUrl,
            ["FunctionsCloud:Providers:SoftLayer:Domain"] = Domain,
            ["FunctionsCloud:Providers:SoftLayer:OperatingSystem"] = "DEBIAN_12_64",
        }).Build();
        var services = new ServiceCollection().AddSoftLayerNodeProvider(configuration);
        services.AddSingleton<IProviderClock>(_clock);
        _services = services.BuildServiceProvider();
        _provider = _services.GetServices<INodeProvider>().Single(p => p.Name == SoftLayerNodeProvider.ProviderName);
    }

    public void Dispose()
    {
        _services.Dispose();
        _api.Dispose();
    }

    private static ProviderAccount Account(string apiKey = FakeSoftLayer.ApiKey) =>
        new("softlayer", new Dictionary<string, string> { ["username"] = FakeSoftLayer.Username, ["api_key"] = apiKey });

    private static NodeToCreate[] Nodes(int count) =>
        Enumerable.Range(0, count).Select(i => new NodeToCreate(Guid.NewGuid(), new AgentBootstrap("https://cloud.example.com", $"registration-token-{i}"))).ToArray();

    private static NodeCreationRequest Creation(params NodeToCreate[] nodes) =>
        new(Cluster, "db", "dal13", "B1_2X4X25", 60, null, nodes, Account());

    private IReadOnlyList<JsonElement> CreateCalls() =>
        _api.RequestsTo("POST", "SoftLayer_Virtual_Guest/createObjects.json").Select(r => JsonDocument.Parse(r.Body!).RootElement).ToList();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Orders_hourly_guests_in_batches_each_with_its_own_nodes_cloud_init()
    {
        var nodes = Nodes(12);

        var results = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);

        var calls = CreateCalls();
        var templates = calls.SelectMany(c => c.GetProperty("parameters")[0].EnumerateArray()).ToList();
        Assert.Equal([10, 2], calls.Select(c => c.GetProperty("parameters")[0].GetArrayLength()));
        foreach (var (node, template) in nodes.Zip(templates))
        {
            Assert.Equal(NodeHostname.For("db", node.NodeUuid), template.GetProperty("hostname").GetString());
            Assert.Equal(Domain, template.GetProperty("domain").GetString());
            Assert.Equal(2, template.GetProperty("startCpus").GetInt32());
            Assert.Equal(4096, template.GetProperty("maxMemory").GetInt32());
            Assert.True(template.GetProperty("hourlyBillingFlag").GetBoolean());
            Assert.False(template.GetProperty("localDiskFlag").GetBoolean());
            Assert.Equal("dal13", template.GetProperty("datacenter").GetProperty("name").GetString());
            Assert.Equal("DEBIAN_12_64", template.GetProperty("operatingSystemReferenceCode").GetString());
            Assert.Equal(25, template.GetProperty("blockDevices")[0].GetProperty("diskImage").GetProperty("capacity").GetInt32());
            Assert.Equal(CloudInit.UserData(node.Bootstrap), Assert.Single(template.GetProperty("userData").EnumerateArray()).GetProperty("value").GetString());
        }

        var basic = $"Basic {FakeSoftLayer.BasicCredentials(FakeSoftLayer.Username, FakeSoftLayer.ApiKey)}";
        Assert.All(_api.Requests, r => Assert.Equal(basic, LoopbackWireMock.Header(r, "Authorization")));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(_api.Guests.Select(g => Id(g.Id)), results.Select(r => r.ProviderId));
        Assert.Equal(nodes.Select(n => n.NodeUuid), results.Select(r => r.NodeUuid));
    }

    [Fact]
    public async Task A_replayed_create_finds_the_guests_across_three_pages_and_orders_nothing_new()
    {
        var nodes = Nodes(5);
        var first = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);
        _api.Server.ResetLogEntries();
        _api.MaxPageSize = 2;

        var replay = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);

        Assert.Empty(CreateCalls());
        Assert.Equal(5, _api.Guests.Count);
        Assert.Equal(first, replay);
        var pages = _api.RequestsTo("GET", "SoftLayer_Account/getVirtualGuests.json");
        Assert.Equal(["0,50", "2,50", "4,50"], pages.Select(p => QueryHelpers.ParseQuery(p.RawQuery)["resultLimit"].ToString()));
        var filter = JsonDocument.Parse(QueryHelpers.ParseQuery(pages[0].RawQuery)["objectFilter"].ToString()).RootElement.GetProperty("virtualGuests");
        Assert.Equal("in", filter.GetProperty("hostname").GetProperty("operation").GetString());
        Assert.Equal(Domain, filter.GetProperty("domain").GetProperty("operation").GetString());
    }

    [Fact]
    public async Task A_capacity_failure_fails_only_the_guests_of_that_order_with_softlayers_message()
    {
        var nodes = Nodes(12);
        var refused = nodes.Skip(10).Select(n => NodeHostname.For("db", n.NodeUuid)).ToHashSet();
        const string Capacity = "There is insufficient capacity to complete the request.";
        _api.RefuseCreate = hostnames => hostnames.Any(refused.Contains) ? Capacity : null;

        var results = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);

        Assert.All(results.Take(10), r => Assert.True(r.Succeeded, r.Error));
        Assert.All(results.Skip(10), r => Assert.Equal($"SoftLayer: {Capacity} (HTTP 500)", r.Error));
        Assert.Equal(10, _api.Guests.Count);
    }

    [Fact]
    public async Task An_unknown_size_fails_every_node_without_a_call()
    {
        var results = await _provider.CreateNodesAsync(Creation(Nodes(2)) with { NodeType = "huge" }, CancellationToken.None);

        Assert.All(results, r => Assert.Contains("not a SoftLayer size", r.Error, StringComparison.Ordinal));
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_after_retry_after_then_succeeds()
    {
        _api.FailNextOf("POST", 1, 429, ("Retry-After", "2"));
        _api.FailNextOf("GET", 1, 503);

        var results = await _provider.CreateNodesAsync(Creation(Nodes(2)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal([TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5)], _clock.Delays); // backoff 1 s, then Retry-After 2 s; jitter 0.5 s each
        var calls = CreateCalls(); // the throttled order (refused unread, so safe to resend) and its resend
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].GetRawText(), calls[1].GetRawText());
        Assert.Equal(2, _api.Guests.Count);
    }

    [Fact]
    public async Task Describe_reads_each_guest_provisioned_runs_provisioning_is_pending_missing_is_gone()
    {
        var ready = _api.Add("fc-db-1", Domain, provisioned: true);
        var booting = _api.Add("fc-db-2", Domain, provisioned: false);
        var nodes = new[]
        {
            new ProvisionedNode(Guid.NewGuid(), Id(ready.Id)),
            new ProvisionedNode(Guid.NewGuid(), Id(booting.Id)),
            new ProvisionedNode(Guid.NewGuid(), "999"),
            new ProvisionedNode(Guid.NewGuid(), null),
        };

        var statuses = await _provider.DescribeNodesAsync(new NodeDescriptionRequest(Cluster, "dal13", nodes, Account()), CancellationToken.None);

        Assert.Equal([NodeProvisioning.Running, NodeProvisioning.Pending, NodeProvisioning.Gone, NodeProvisioning.Gone], statuses.Select(s => s.State));
        Assert.Equal(ready.PrimaryIp, statuses[0].PublicIp);
        Assert.Equal(Id(booting.Id), statuses[1].ProviderId);
        var mask = QueryHelpers.ParseQuery(_api.Requests[0].RawQuery)["objectMask"].ToString();
        Assert.Contains("activeTransaction", mask, StringComparison.Ordinal);
        Assert.Contains("provisionDate", mask, StringComparison.Ordinal);
        Assert.Contains("primaryIpAddress", mask, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_deletes_each_guest_and_one_already_gone_counts_as_cancelled()
    {
        var guest = _api.Add("fc-db-1", Domain, provisioned: true);
        var nodes = new[] { new ProvisionedNode(Guid.NewGuid(), Id(guest.Id)), new ProvisionedNode(Guid.NewGuid(), "999"), new ProvisionedNode(Guid.NewGuid(), null) };

        var results = await _provider.TerminateNodesAsync(new NodeTerminationRequest(Cluster, "dal13", nodes, Account()), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal([$"{FakeSoftLayer.Root}/SoftLayer_Virtual_Guest/{guest.Id}.json", $"{FakeSoftLayer.Root}/SoftLayer_Virtual_Guest/999.json"], _api.Requests.Select(r => r.Path));
        Assert.All(_api.Requests, r => Assert.Equal("DELETE", r.Method));
        Assert.Empty(_api.Guests);
    }

    [Fact]
    public async Task Validation_passes_good_credentials_and_fails_bad_ones_with_softlayers_message_and_no_secret()
    {
        await _provider.ValidateAccountAsync(Account(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(Account("sl-wrong-key-secret"), CancellationToken.None));

        Assert.Equal("SoftLayer: Invalid API token. (HTTP 401)", error.Message);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("sl-wrong-key-secret", error.ToString(), StringComparison.Ordinal);
        Assert.All(_api.Requests, r => Assert.Equal($"{FakeSoftLayer.Root}/SoftLayer_Account/getCurrentUser.json", r.Path));
    }

    [Fact]
    public async Task A_missing_api_key_is_refused_before_any_call()
    {
        var account = new ProviderAccount("softlayer", new Dictionary<string, string> { ["username"] = FakeSoftLayer.Username });

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(account, CancellationToken.None));

        Assert.Contains("'api_key'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Theory]
    [InlineData("B1_1X2X25", 1, 2048, 25)]
    [InlineData("B1_2X4X25", 2, 4096, 25)]
    [InlineData("B1_4X8X25", 4, 8192, 25)]
    [InlineData("C1_16X16X100", 16, 16384, 100)]
    public void Sizes_read_as_cpus_memory_and_disk(string nodeType, int cpus, int memoryMb, int diskGb) =>
        Assert.Equal(new SoftLayerFlavor(cpus, memoryMb, diskGb), SoftLayerFlavor.Parse(nodeType));
}
