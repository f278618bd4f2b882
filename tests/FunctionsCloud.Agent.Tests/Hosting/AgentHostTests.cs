using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Hosting;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Agent.Registration;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Testing.Agents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Tests.Hosting;

/// <summary>The whole agent (generic host, worker, real HTTP) in this process.</summary>
public sealed class AgentHostTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly ListLoggerProvider _logs = new();
    private FakeControlPlane _controlPlane = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await FakeControlPlane.StartAsync();
        _controlPlane.RegistrationInterval = 1;
        _controlPlane.HeartbeatInterval = 1;
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _dir.Dispose();
    }

    private IHost BuildAgent(string? token) =>
        AgentHost.Build(
            new AgentOptions
            {
                ApiUrl = _controlPlane.Url,
                Token = token,
                StateDir = _dir.Path,
                DockerHost = new Uri(AgentOptionsLoader.DefaultDockerHost),
                Hostname = "in-process",
            },
            services =>
            {
                services.Replace(ServiceDescriptor.Singleton(AgentParts.FastBackoff));
                services.Replace(ServiceDescriptor.Singleton<IDockerVersionProbe>(new StubDockerProbe(null)));
            },
            logging => logging.ClearProviders().AddProvider(_logs));

    [Fact]
    public async Task A_restarted_agent_is_the_same_node_and_does_not_register_again()
    {
        using (var first = BuildAgent("tok-restart"))
        {
            await first.StartAsync();
            await _controlPlane.WaitUntilAsync(c => c.Heartbeats.Count >= 1, "the first heartbeat");
            await first.StopAsync();
        }

        var identity = new IdentityStore(_dir.Path).Load()!;
        var beatsBefore = _controlPlane.Heartbeats.Count;
        using (var second = BuildAgent(token: null))
        {
            await second.StartAsync();
            await _controlPlane.WaitUntilAsync(c => c.Heartbeats.Count >= beatsBefore + 2, "two heartbeats after the restart");
            await second.StopAsync();
        }

        Assert.Single(_controlPlane.Registrations);
        Assert.All(_controlPlane.Heartbeats, h => Assert.Equal($"Bearer {identity.NodeSecret}", h.Authorization));
        Assert.Contains(_logs.Lines, l => l.Contains("not registering again", StringComparison.Ordinal));
        Assert.DoesNotContain("tok-restart", _logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.NodeSecret, _logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_heartbeat_stops_the_agent_with_the_node_terminated_exit_code_and_leaves_its_state()
    {
        _controlPlane.OnHeartbeat = (_, n) => n >= 2 ? FakeAnswer.Problem(404, "Node not found.") : null;
        using var agent = BuildAgent("tok-404");
        var exitStatus = agent.Services.GetRequiredService<AgentExitStatus>();

        await agent.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await agent.WaitForShutdownAsync(timeout.Token);

        Assert.False(timeout.IsCancellationRequested, "the agent did not stop by itself");
        Assert.Equal(AgentExitCodes.NodeTerminated, exitStatus.ExitCode);
        Assert.Equal("NodeGone", exitStatus.StopReason);
        Assert.Equal(2, _controlPlane.Heartbeats.Count);
        Assert.True(File.Exists(Path.Combine(_dir.Path, IdentityStore.FileName)));
    }

    [Fact]
    public async Task A_refused_token_keeps_the_agent_retrying_not_crashing()
    {
        _controlPlane.OnRegister = (_, _) => FakeAnswer.Problem(401, "Token revoked.");
        using var agent = BuildAgent("tok-revoked");
        var lifetime = agent.Services.GetRequiredService<IHostApplicationLifetime>();

        await agent.StartAsync();
        await _controlPlane.WaitUntilAsync(c => c.Registrations.Count >= 3, "three registration attempts");

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        await agent.StopAsync();
        Assert.Equal(AgentExitCodes.Success, agent.Services.GetRequiredService<AgentExitStatus>().ExitCode);
    }
}
