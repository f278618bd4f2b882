using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.DigitalOcean;
using FunctionsCloud.Providers.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;

namespace FunctionsCloud.Providers.Tests.DigitalOcean;

/// <summary>The DigitalOcean provider's real HttpClient code against a fake DigitalOcean API on loopback.</summary>
public sealed partial class DigitalOceanNodeProviderTests : IDisposable
{
    private static readonly Guid Cluster = Guid.Parse("6a1f3c2e-0000-4000-8000-00000000c1a5");
    private readonly RecordingProviderClock _clock = new();
    private readonly FakeDigitalOcean _api;
    private readonly ServiceProvider _services;
    private readonly INodeProvider _provider;

    public DigitalOceanNodeProviderTests()
    {
        _api = new FakeDigitalOcean(_clock);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Providers:DigitalOcean:ApiUrl"] = _api.Url,
            ["FunctionsCloud:Providers:DigitalOcean:Image"] = "debian-12-x64",
            ["FunctionsCloud:Providers:DigitalOcean:SshKeys:0"] = "ab:cd:ef",
        }).Build();
        var services = new ServiceCollection().AddDigitalOceanNodeProvider(configuration);
        services.AddSingleton<IProviderClock>(_clock);
        _services = services.BuildServiceProvider();
        _provider = _services.GetServices<INodeProvider>().Single(p => p.Name == DigitalOceanNodeProvider.ProviderName);
    }

    public void Dispose()
    {
        _services.Dispose();
        _api.Dispose();
    }

    private static ProviderAccount Account(string token = FakeDigitalOcean.Token) =>
        new("digitalocean", new Dictionary<string, string> { ["token"] = token });

    private static NodeToCreate[] Nodes(int count) =>
        Enumerable.Range(0, count).Select(i => new NodeToCreate(Guid.NewGuid(), new AgentBootstrap("https://cloud.example.com/", $"registration-token-{i}"))).ToArray();

    private static NodeCreationRequest Creation(params NodeToCreate[] nodes) =>
        new(Cluster, "Web Tier", "fra1", "s-1vcpu-1gb", 25, null, nodes, Account());

    private IReadOnlyList<JsonElement> CreateCalls() =>
        _api.RequestsTo("POST", "/v2/droplets").Select(r => JsonDocument.Parse(r.Body!).RootElement).ToList();

    [Fact]
    public async Task Creates_droplets_in_batches_of_at_most_ten_names_tagged_and_named_after_their_nodes()
    {
        var nodes = Nodes(12);

        var results = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);

        var calls = CreateCalls();
        Assert.Equal([10, 2], calls.Select(c => c.GetProperty("names").GetArrayLength()));
        var sentNames = calls.SelectMany(c => c.GetProperty("names").EnumerateArray().Select(n => n.GetString())).ToList();
        Assert.Equal(nodes.Select(n => NodeHostname.For("Web Tier", n.NodeUuid)), sentNames);
        Assert.All(sentNames, name => Assert.Matches("^fc-web-tier-[0-9a-f]{12}$", name));
        foreach (var call in calls)
        {
            Assert.Equal("fra1", call.GetProperty("region").GetString());
            Assert.Equal("s-1vcpu-1gb", call.GetProperty("size").GetString());
            Assert.Equal("debian-12-x64", call.GetProperty("image").GetString());
            Assert.Equal(["ab:cd:ef"], call.GetProperty("ssh_keys").EnumerateArray().Select(k => k.GetString()));
            Assert.Equal(["functionscloud", $"fc-cluster-{Cluster}"], call.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }

        Assert.All(_api.RequestsTo("POST", "/v2/droplets"), r => Assert.Equal($"Bearer {FakeDigitalOcean.Token}", LoopbackWireMock.Header(r, "Authorization")));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(nodes.Select(n => n.NodeUuid), results.Select(r => r.NodeUuid));
        Assert.Equal(_api.Droplets.Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), results.Select(r => r.ProviderId));
        foreach (var (node, droplet) in nodes.Zip(_api.Droplets))
        {
            Assert.Contains($"fc-node-{node.NodeUuid}", droplet.Tags);
        }
    }

    [Fact]
    public async Task Each_droplet_of_a_batch_renders_exactly_its_own_nodes_cloud_init_from_the_shared_user_data()
    {
        var nodes = Nodes(3);

        await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);

        var userData = Assert.Single(CreateCalls()).GetProperty("user_data").GetString()!;
        Assert.StartsWith(DropletUserData.TemplateHeader + "\n", userData, StringComparison.Ordinal);
        foreach (var node in nodes)
        {
            Assert.Equal(CloudInit.UserData(node.Bootstrap), BranchFor(userData, NodeHostname.For("Web Tier", node.NodeUuid)));
        }

        Assert.Equal(3, HostnameTests().Matches(userData).Count);
    }

    [Fact]
    public async Task A_replayed_create_finds_the_droplets_across_three_pages_and_creates_nothing_new()
    {
        var nodes = Nodes(5);
        var first = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);
        _api.Server.ResetLogEntries();
        _api.MaxPageSize = 2;

        var replay = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);

        Assert.Empty(CreateCalls());
        Assert.Empty(_api.RequestsTo("POST", "/v2/tags"));
        Assert.Equal(5, _api.Droplets.Count);
        Assert.Equal(first, replay);
        var pages = _api.RequestsTo("GET", "/v2/droplets");
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains($"tag_name=fc-cluster-{Cluster}", Uri.UnescapeDataString(p.RawQuery!), StringComparison.Ordinal));
        Assert.Equal(["page=2", "page=3"], pages.Skip(1).Select(p => Regex.Match(p.RawQuery!, "page=\\d+").Value));
    }

    [Fact]
    public async Task A_refused_batch_fails_only_its_nodes_with_digitaloceans_message()
    {
        var nodes = Nodes(12);
        var refused = nodes.Skip(10).Select(n => NodeHostname.For("Web Tier", n.NodeUuid)).ToHashSet();
        _api.RefuseCreate = names => names.Any(refused.Contains) ? "Size is not available in this region." : null;

        var results = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);

        Assert.All(results.Take(10), r => Assert.True(r.Succeeded, r.Error));
        Assert.All(results.Skip(10), r =>
        {
            Assert.False(r.Succeeded);
            Assert.Null(r.ProviderId);
            Assert.Equal("DigitalOcean: Size is not available in this region. (HTTP 422)", r.Error);
        });
        Assert.Equal(10, _api.Droplets.Count);
    }

    [Fact]
    public async Task Throttling_is_retried_after_retry_after_with_jitter_then_succeeds()
    {
        _api.FailNext(2, 429, ("Retry-After", "7"));

        var results = await _provider.CreateNodesAsync(Creation(Nodes(1)), CancellationToken.None);

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal([TimeSpan.FromSeconds(7.5), TimeSpan.FromSeconds(7.5)], _clock.Delays); // 7 s asked + half of the 1 s jitter
        Assert.Single(_api.Droplets);
    }

    [Fact]
    public async Task Throttling_without_retry_after_waits_for_the_spent_quotas_reset()
    {
        _api.RateLimitResetSeconds = 4;
        _api.FailNext(1, 429, ("RateLimit-Remaining", "0"));

        await _provider.ValidateAccountAsync(Account(), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(4.5)], _clock.Delays);
    }

    [Fact]
    public async Task A_spent_rate_limit_is_waited_out_before_the_next_call()
    {
        _api.RateLimitRemaining = 0;
        _api.RateLimitResetSeconds = 3;

        await _provider.CreateNodesAsync(Creation(Nodes(1)), CancellationToken.None);

        // Every answer says "0 left until +3 s" (whole Unix seconds): each call after the first waited for that reset, plus jitter.
        Assert.Equal(_api.Requests.Count - 1, _clock.Delays.Count);
        Assert.Equal(TimeSpan.FromSeconds(3.5), _clock.Delays[0]);
        Assert.All(_clock.Delays, d => Assert.InRange(d, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3.5)));
    }

    [Fact]
    public async Task A_wait_longer_than_the_policy_allows_is_left_to_the_activitys_retry()
    {
        _api.FailNext(1, 429, ("Retry-After", "3600"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.CreateNodesAsync(Creation(Nodes(1)), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Contains("API Rate limit exceeded.", error.Message, StringComparison.Ordinal);
        Assert.Empty(_clock.Delays);
        Assert.Empty(_api.Droplets);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_attempts_ends_as_transient_without_the_token()
    {
        _api.FailNext(10, 429, ("Retry-After", "1"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(Account(), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(4, _api.Requests.Count);
        Assert.DoesNotContain(FakeDigitalOcean.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailability_is_retried_for_a_read()
    {
        _api.FailNextOf("GET", 503);

        var statuses = await _provider.DescribeNodesAsync(new NodeDescriptionRequest(Cluster, "fra1", [], Account()), CancellationToken.None);

        Assert.Empty(statuses);
        Assert.Equal(2, _api.RequestsTo("GET", "/v2/droplets").Count);
        Assert.Equal([TimeSpan.FromSeconds(1.5)], _clock.Delays); // 1 s backoff + half of the 1 s jitter
    }

    [Fact]
    public async Task An_unavailable_create_is_not_sent_twice_but_left_to_the_activitys_retry_which_finds_what_was_made()
    {
        var nodes = Nodes(2);
        _api.FailNextOf("POST", 503);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("DigitalOcean: Service is temporarily unavailable. (HTTP 503)", error.Message);
        Assert.Single(CreateCalls());

        var retried = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);
        Assert.All(retried, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(2, CreateCalls().Count);
        Assert.Equal(2, _api.Droplets.Count);
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_is_not_called_for_a_while_and_says_so()
    {
        _api.FailNext(100, 500);
        for (var call = 0; call < new ProviderHttpPolicy().BreakerMinimumThroughput; call++)
            await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(Account(), CancellationToken.None));
        var sent = _api.Requests.Count;

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(Account(), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("DigitalOcean is failing: calls to its API are paused for a while.", error.Message);
        Assert.Equal(sent, _api.Requests.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Throttling_however_long_never_pauses_the_provider_for_everyone(int status)
    {
        _api.FailNext(100, status, ("Retry-After", "100")); // longer than a wait taken in place: one send a call
        for (var call = 0; call < 2 * new ProviderHttpPolicy().BreakerMinimumThroughput; call++)
            await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(Account(), CancellationToken.None));
        var sent = _api.Requests.Count;

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(Account(), CancellationToken.None));

        Assert.Equal(sent + 1, _api.Requests.Count);
        Assert.DoesNotContain("paused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_of_one_attempt_sends_once_and_does_not_retry()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionsCloud:Providers:DigitalOcean:ApiUrl"] = _api.Url,
            ["FunctionsCloud:Providers:DigitalOcean:Http:MaxAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection().AddDigitalOceanNodeProvider(configuration);
        services.AddSingleton<IProviderClock>(_clock);
        await using var built = services.BuildServiceProvider();
        var once = built.GetServices<INodeProvider>().Single(p => p.Name == DigitalOceanNodeProvider.ProviderName);
        _api.FailNext(1, 429, ("Retry-After", "1"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => once.ValidateAccountAsync(Account(), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Single(_api.Requests);
        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public async Task Describe_maps_droplet_status_to_node_provisioning()
    {
        var booting = _api.Add("fc-a-1", "new", $"fc-cluster-{Cluster}");
        var running = _api.Add("fc-a-2", "active", $"fc-cluster-{Cluster}");
        var off = _api.Add("fc-a-3", "off", $"fc-cluster-{Cluster}");
        var untracked = Guid.NewGuid();
        _api.Add("fc-a-4", "active", $"fc-cluster-{Cluster}", $"fc-node-{untracked}");
        var nodes = new[]
        {
            new ProvisionedNode(Guid.NewGuid(), booting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new ProvisionedNode(Guid.NewGuid(), running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new ProvisionedNode(Guid.NewGuid(), off.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new ProvisionedNode(Guid.NewGuid(), "999"),
            new ProvisionedNode(untracked, null),
        };

        var statuses = await _provider.DescribeNodesAsync(new NodeDescriptionRequest(Cluster, "fra1", nodes, Account()), CancellationToken.None);

        Assert.Equal(
            [NodeProvisioning.Pending, NodeProvisioning.Running, NodeProvisioning.Gone, NodeProvisioning.Gone, NodeProvisioning.Running],
            statuses.Select(s => s.State));
        Assert.Equal(running.PublicIp, statuses[1].PublicIp);
        Assert.Null(statuses[0].PublicIp);
        Assert.Equal(nodes.Select(n => n.NodeUuid), statuses.Select(s => s.NodeUuid));
    }

    [Fact]
    public async Task Describe_without_a_cluster_reads_each_droplet_by_id()
    {
        var running = _api.Add("fc-a-1", "active");
        var nodes = new[] { new ProvisionedNode(Guid.NewGuid(), running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new ProvisionedNode(Guid.NewGuid(), "999") };

        var statuses = await _provider.DescribeNodesAsync(new NodeDescriptionRequest(null, "fra1", nodes, Account()), CancellationToken.None);

        Assert.Equal([NodeProvisioning.Running, NodeProvisioning.Gone], statuses.Select(s => s.State));
        Assert.Equal([$"/v2/droplets/{running.Id}", "/v2/droplets/999"], _api.Requests.Select(e => e.RequestMessage.Path));
    }

    [Fact]
    public async Task Terminating_all_of_a_clusters_nodes_deletes_by_tag_in_one_call()
    {
        var nodes = Nodes(3);
        var created = await _provider.CreateNodesAsync(Creation(nodes), CancellationToken.None);
        _api.Server.ResetLogEntries();

        var results = await _provider.TerminateNodesAsync(
            new NodeTerminationRequest(Cluster, "fra1", created.Select(c => new ProvisionedNode(c.NodeUuid, c.ProviderId)).ToList(), Account()),
            CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var delete = Assert.Single(_api.Requests.Select(e => e.RequestMessage), r => r.Method == "DELETE");
        Assert.Equal("/v2/droplets", delete.Path);
        Assert.Contains($"tag_name=fc-cluster-{Cluster}", Uri.UnescapeDataString(delete.RawQuery!), StringComparison.Ordinal);
        Assert.Empty(_api.Droplets);
    }

    [Fact]
    public async Task Terminating_some_nodes_deletes_each_by_id_and_a_droplet_already_gone_counts_as_deleted()
    {
        var created = await _provider.CreateNodesAsync(Creation(Nodes(3)), CancellationToken.None);
        _api.Server.ResetLogEntries();
        var doomed = new[] { new ProvisionedNode(created[0].NodeUuid, created[0].ProviderId), new ProvisionedNode(Guid.NewGuid(), "424242") };

        var results = await _provider.TerminateNodesAsync(new NodeTerminationRequest(Cluster, "fra1", doomed, Account()), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(
            [$"/v2/droplets/{created[0].ProviderId}", "/v2/droplets/424242"],
            _api.Requests.Select(e => e.RequestMessage).Where(r => r.Method == "DELETE").Select(r => r.Path));
        Assert.Equal(2, _api.Droplets.Count);
    }

    [Fact]
    public async Task Validation_passes_a_good_token_and_fails_a_bad_one_with_digitaloceans_message_and_no_secret()
    {
        await _provider.ValidateAccountAsync(Account(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _provider.ValidateAccountAsync(Account("dop_v1_wrong-secret"), CancellationToken.None));

        Assert.Equal("DigitalOcean: Unable to authenticate you (HTTP 401)", error.Message);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("wrong-secret", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["/v2/account", "/v2/account"], _api.Requests.Select(e => e.RequestMessage.Path));
    }

    [Fact]
    public async Task A_missing_account_or_token_is_refused_before_any_call()
    {
        var noAccount = await Assert.ThrowsAsync<ProviderException>(() =>
            _provider.CreateNodesAsync(Creation(Nodes(1)) with { Account = null }, CancellationToken.None));
        var noToken = await Assert.ThrowsAsync<ProviderException>(() =>
            _provider.ValidateAccountAsync(new ProviderAccount("digitalocean", new Dictionary<string, string>()), CancellationToken.None));

        Assert.Contains("linked account", noAccount.Message, StringComparison.Ordinal);
        Assert.Contains("'token'", noToken.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public void Registers_as_a_node_provider_that_needs_an_account()
    {
        Assert.IsType<DigitalOceanNodeProvider>(_provider);
        Assert.True(_provider.NeedsAccount);
        Assert.Same(_provider, _services.GetRequiredService<DigitalOceanNodeProvider>());
    }

    /// <summary>What the Jinja template renders to on the droplet with this hostname (the branch's raw block).</summary>
    private static string BranchFor(string userData, string hostname)
    {
        var match = Regex.Match(
            userData,
            "v1\\.local_hostname == \"" + Regex.Escape(hostname) + "\" -%\\}\\n\\{% raw %\\}(?<payload>.*?)\\{% endraw %\\}",
            RegexOptions.Singleline);
        Assert.True(match.Success, $"no branch for {hostname}");
        return match.Groups["payload"].Value;
    }

    [GeneratedRegex("v1\\.local_hostname == ")]
    private static partial Regex HostnameTests();
}
