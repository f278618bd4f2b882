using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Engine;
using FunctionsCloud.Agent.Heartbeats;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Agent.Logs;
using FunctionsCloud.Agent.Registration;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.Support;

/// <summary>The agent's services wired by hand against a fake control plane, with a tiny backoff.</summary>
public sealed class AgentParts : IDisposable
{
    public static readonly RetryBackoff FastBackoff = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));

    public AgentParts(FakeControlPlane controlPlane, string stateDir, string? token = "token-1", TimeProvider? time = null, string? dockerVersion = "27.5.1", INodeContainers? containers = null)
        : this(controlPlane.Url, stateDir, token, time, dockerVersion, containers)
    {
    }

    /// <param name="containers">The node's containers; by default a stub with no engine (no report, no reconcile).</param>
    public AgentParts(Uri apiUrl, string stateDir, string? token = "token-1", TimeProvider? time = null, string? dockerVersion = "27.5.1", INodeContainers? containers = null)
    {
        Time = time ?? TimeProvider.System;
        Options = new AgentOptions
        {
            ApiUrl = apiUrl,
            Token = token,
            StateDir = stateDir,
            DockerHost = new Uri(AgentOptionsLoader.DefaultDockerHost),
            Hostname = "test-host",
        };
        Http = new HttpClient();
        Client = new ControlPlaneClient(Http, apiUrl);
        Identities = new IdentityStore(stateDir);
        var probe = new StubDockerProbe(dockerVersion);
        Inventory = new InventoryCollector(probe, stateDir);
        Registrar = new Registrar(Options, Identities, Client, Inventory, FastBackoff, Time, Logs.CreateLogger<Registrar>());
        Containers = new ContainerSync(Client, containers ?? new StubNodeContainers(), Logs.CreateLogger<ContainerSync>());
        Heartbeats = new HeartbeatLoop(Client, Inventory, Identities, Containers, new LogCredentialHolder(),
            new EngineUpgrader(Options, probe, Time, Logs.CreateLogger<EngineUpgrader>()), Time, Logs.CreateLogger<HeartbeatLoop>());
    }

    public TimeProvider Time { get; }

    public AgentOptions Options { get; }

    public HttpClient Http { get; }

    public ControlPlaneClient Client { get; }

    public IdentityStore Identities { get; }

    public InventoryCollector Inventory { get; }

    public Registrar Registrar { get; }

    public ContainerSync Containers { get; }

    public HeartbeatLoop Heartbeats { get; }

    public ListLoggerProvider Logs { get; } = new();

    public void Dispose() => Http.Dispose();
}
