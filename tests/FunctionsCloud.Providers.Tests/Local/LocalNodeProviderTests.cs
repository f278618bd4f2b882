using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Local;
using FunctionsCloud.Testing.Agents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Tests.Local;

/// <summary>The local provider starting and stopping real agent processes against a loopback control plane.</summary>
public sealed class LocalNodeProviderTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fc-local-provider-tests", Guid.NewGuid().ToString("N"));
    private FakeControlPlane _controlPlane = null!;
    private LocalNodeProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await FakeControlPlane.StartAsync();
        _controlPlane.RegistrationInterval = 1;
        _controlPlane.HeartbeatInterval = 1;
        _provider = NewProvider();
    }

    public async Task DisposeAsync()
    {
        _provider.Dispose();
        await _controlPlane.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private LocalNodeProvider NewProvider(string? agentPath = null) =>
        new(Options.Create(new LocalNodeProviderOptions { StateRoot = _root, AgentPath = agentPath }), NullLogger<LocalNodeProvider>.Instance);

    private NodeCreationRequest Request(params NodeToCreate[] nodes) =>
        new(Guid.NewGuid(), "local-cluster", "local", "process", 10, null, nodes);

    private NodeToCreate Node(string token) => new(Guid.NewGuid(), new AgentBootstrap(_controlPlane.Url.ToString(), token));

    [Fact]
    public async Task Creates_one_agent_process_per_node_that_registers_and_heartbeats()
    {
        var nodes = new[] { Node("token-a"), Node("token-b") };

        var results = await _provider.CreateNodesAsync(Request(nodes), CancellationToken.None);

        Assert.Equal(nodes.Select(n => n.NodeUuid), results.Select(r => r.NodeUuid));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        await _controlPlane.WaitUntilAsync(c => c.Registrations.Count == 2 && c.NodesBySecret.Count == 2, "both agents register");
        await _controlPlane.WaitUntilAsync(
            c => c.NodesBySecret.Keys.All(secret => c.Heartbeats.Count(h => h.Authorization == $"Bearer {secret}") >= 2),
            "both agents heartbeat twice");

        Assert.Equal(["token-a", "token-b"], _controlPlane.Registrations.Select(r => r.Json.GetProperty("token").GetString()).Order());
        foreach (var (node, result) in nodes.Zip(results))
        {
            var dir = Path.Combine(_root, node.NodeUuid.ToString());
            var pid = int.Parse(result.ProviderId!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(result.ProviderId, File.ReadAllText(Path.Combine(dir, "agent.pid")).Trim());
            Assert.True(LocalProcesses.IsAliveWithArgument(pid, dir));
            Assert.True(File.Exists(Path.Combine(dir, "identity.json")));
            Assert.Contains("Registered as node", await File.ReadAllTextAsync(Path.Combine(dir, "agent.log")), StringComparison.Ordinal);
            var commandLine = await File.ReadAllTextAsync($"/proc/{pid}/cmdline");
            Assert.Contains("FunctionsCloud.Agent.dll", commandLine, StringComparison.Ordinal);
            Assert.DoesNotContain(node.Bootstrap.RegistrationToken, commandLine, StringComparison.Ordinal);
        }

        Assert.Equal(2, AgentProcessesUnder(_root).Count);
    }

    [Fact]
    public async Task Creating_again_does_not_start_a_second_process()
    {
        var nodes = new[] { Node("token-c"), Node("token-d") };
        var first = await _provider.CreateNodesAsync(Request(nodes), CancellationToken.None);
        await _controlPlane.WaitUntilAsync(c => c.Registrations.Count == 2, "both agents register");

        var again = await _provider.CreateNodesAsync(Request(nodes), CancellationToken.None);
        using var restartedHost = NewProvider();
        var fromAnotherInstance = await restartedHost.CreateNodesAsync(Request(nodes), CancellationToken.None);

        Assert.Equal(first.Select(r => r.ProviderId), again.Select(r => r.ProviderId));
        Assert.Equal(first.Select(r => r.ProviderId), fromAnotherInstance.Select(r => r.ProviderId));
        Assert.Equal(first.Select(r => int.Parse(r.ProviderId!, System.Globalization.CultureInfo.InvariantCulture)).Order(), AgentProcessesUnder(_root).Order());
        Assert.Equal(2, _controlPlane.Registrations.Count);
    }

    [Fact]
    public async Task Terminating_stops_the_processes_and_removes_their_state()
    {
        var nodes = new[] { Node("token-e"), Node("token-f") };
        var created = await _provider.CreateNodesAsync(Request(nodes), CancellationToken.None);
        await _controlPlane.WaitUntilAsync(c => c.Registrations.Count == 2 && c.Heartbeats.Count >= 2, "both agents heartbeat");

        var results = await _provider.TerminateNodesAsync(
            new NodeTerminationRequest(null, "local", [.. created.Select(r => new ProvisionedNode(r.NodeUuid, r.ProviderId))]),
            CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Empty(AgentProcessesUnder(_root));
        Assert.All(nodes, n => Assert.False(Directory.Exists(Path.Combine(_root, n.NodeUuid.ToString()))));
    }

    [Fact]
    public async Task Terminating_an_unknown_or_already_terminated_node_succeeds()
    {
        var node = Node("token-g");
        var created = await _provider.CreateNodesAsync(Request(node), CancellationToken.None);
        var termination = new NodeTerminationRequest(null, "local", [new ProvisionedNode(node.NodeUuid, created[0].ProviderId)]);
        await _provider.TerminateNodesAsync(termination, CancellationToken.None);

        var again = await _provider.TerminateNodesAsync(termination, CancellationToken.None);
        var unknown = await _provider.TerminateNodesAsync(
            new NodeTerminationRequest(null, "local", [new ProvisionedNode(Guid.NewGuid(), null), new ProvisionedNode(Guid.NewGuid(), "999999")]),
            CancellationToken.None);

        Assert.True(Assert.Single(again).Succeeded);
        Assert.All(unknown, r => Assert.True(r.Succeeded, r.Error));
    }

    [Fact]
    public async Task Agents_outlive_the_thread_that_created_them()
    {
        var node = Node("token-h");
        var thread = new Thread(() => _provider.CreateNodesAsync(Request(node), CancellationToken.None).GetAwaiter().GetResult());
        thread.Start();
        thread.Join();

        await _controlPlane.WaitUntilAsync(c => c.Registrations.Count == 1 && c.Heartbeats.Count >= 2, "the agent registers and heartbeats after its creator ended");
        Assert.Single(AgentProcessesUnder(_root));
    }

    [Fact]
    public async Task The_host_disposing_the_provider_stops_its_agents_and_waits_for_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FunctionsCloud:LocalProvider:StateRoot"] = _root })
            .Build();
        var services = new ServiceCollection().AddLocalNodeProvider(configuration).BuildServiceProvider();
        var provider = Assert.Single(services.GetServices<INodeProvider>());
        Assert.Equal("local", provider.Name);
        Assert.Equal(_root, ((LocalNodeProvider)provider).StateRoot);

        var nodes = new[] { Node("token-i"), Node("token-j") };
        await provider.CreateNodesAsync(Request(nodes), CancellationToken.None);
        await _controlPlane.WaitUntilAsync(c => c.Registrations.Count == 2, "both agents register");

        await services.DisposeAsync();

        // Gone when disposal returns (the host stops storage next), and each stopped as asked, not killed.
        Assert.Empty(AgentProcessesUnder(_root));
        foreach (var node in nodes)
        {
            Assert.Contains("FunctionsCloud agent stopped (stop requested)",
                await File.ReadAllTextAsync(new LocalNodeDirectory(_root, node.NodeUuid).LogFile), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Agents_left_running_on_exit_are_taken_over_by_the_next_provider_which_stops_them()
    {
        var leaving = new LocalNodeProvider(
            Options.Create(new LocalNodeProviderOptions { StateRoot = _root, LeaveRunningOnExit = true }), NullLogger<LocalNodeProvider>.Instance);
        await leaving.CreateNodesAsync(Request(Node("token-l"), Node("token-m")), CancellationToken.None);
        await WaitUntilAsync(() => AgentProcessesUnder(_root).Count == 2, "both agents run");
        var pids = AgentProcessesUnder(_root).Order().ToList();

        leaving.Dispose();
        var heartbeats = _controlPlane.Heartbeats.Count;
        await _controlPlane.WaitUntilAsync(c => c.Heartbeats.Count >= heartbeats + 2, "the agents beat on after their host let go");
        Assert.Equal(pids, AgentProcessesUnder(_root).Order());

        NewProvider().Dispose();
        await WaitUntilAsync(() => AgentProcessesUnder(_root).Count == 0, "the next provider stopped the agents it took over");
    }

    [Fact]
    public async Task A_missing_agent_fails_the_node_with_a_clear_error()
    {
        using var provider = NewProvider(agentPath: Path.Combine(_root, "nowhere", "FunctionsCloud.Agent.dll"));
        var node = Node("token-k");

        var result = Assert.Single(await provider.CreateNodesAsync(Request(node), CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Contains("FunctionsCloud:LocalProvider:AgentPath", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Pids of live processes whose arguments include a directory under <paramref name="root"/>.</summary>
    private static List<int> AgentProcessesUnder(string root)
    {
        var pids = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(entry, "cmdline")).Split('\0');
                var dir = arguments.FirstOrDefault(a => a.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
                if (dir is not null && LocalProcesses.IsAliveWithArgument(pid, dir))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
        }

        return pids;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }
        }
    }
}
