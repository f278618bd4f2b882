using System.Diagnostics;
using System.Text;
using FunctionsCloud.Agent.Identity;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.Hosting;

/// <summary>The built agent, run as its own process with <c>dotnet FunctionsCloud.Agent.dll</c>.</summary>
public sealed class AgentProcessTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
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

    [Fact]
    public async Task The_agent_process_registers_heartbeats_and_exits_on_SIGTERM()
    {
        using var agent = StartAgent(["--api-url", _controlPlane.Url.ToString(), "--state-dir", _dir.Path], token: "tok-process");

        await _controlPlane.WaitUntilAsync(c => c.Registrations.Count == 1 && c.Heartbeats.Count >= 2, "register + 2 heartbeats");
        Posix.SendSignal(agent.Process.Id, Posix.SigTerm);
        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        var identity = new IdentityStore(_dir.Path).Load()!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Posix.ModeOf(Path.Combine(_dir.Path, IdentityStore.FileName)));
        Assert.Equal("tok-process", _controlPlane.Registrations[0].Json.GetProperty("token").GetString());
        Assert.All(_controlPlane.Heartbeats, h => Assert.Equal($"Bearer {identity.NodeSecret}", h.Authorization));
        Assert.Contains("Registered as node " + identity.Uuid, agent.Output, StringComparison.Ordinal);
        Assert.Contains("agent stopped", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-process", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.NodeSecret, agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_process_exits_with_the_node_terminated_status_by_itself_when_its_node_is_gone()
    {
        var identity = new NodeIdentity(Guid.NewGuid(), "secret-of-a-terminated-node");
        new IdentityStore(_dir.Path).Save(identity);
        using var agent = StartAgent(["--api-url", _controlPlane.Url.ToString(), "--state-dir", _dir.Path], token: null);

        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(AgentExitCodes.NodeTerminated, exitCode);
        Assert.Single(_controlPlane.Heartbeats);
        Assert.Empty(_controlPlane.Registrations);
        Assert.True(File.Exists(Path.Combine(_dir.Path, IdentityStore.FileName)));
        Assert.Contains("no longer accepts this node", agent.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--state-dir", "/tmp/fc-agent-no-url" }, "--api-url")]
    [InlineData(new[] { "--api-url", "http://127.0.0.1:9", "--heartbeat-interval", "never" }, "--heartbeat-interval")]
    [InlineData(new[] { "--api-url", "http://127.0.0.1:9", "--state-dir", "/tmp/fc-agent-no-identity" }, "registration token")]
    public async Task Bad_options_exit_with_code_2_and_say_why(string[] args, string expected)
    {
        using var agent = StartAgent(args, token: null);

        Assert.Equal(2, await agent.WaitForExitAsync());
        Assert.Contains(expected, agent.Output, StringComparison.Ordinal);
    }

    private static AgentProcess StartAgent(IReadOnlyList<string> args, string? token)
    {
        var agentDll = Path.Combine(AppContext.BaseDirectory, "FunctionsCloud.Agent.dll");
        Assert.True(File.Exists(agentDll), $"{agentDll} is missing from the test output");
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(agentDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("FUNCTIONSCLOUD_AGENT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (token is not null)
        {
            start.Environment["FUNCTIONSCLOUD_AGENT_TOKEN"] = token;
        }

        start.Environment["DOCKER_HOST"] = "unix:///nonexistent/docker.sock";
        return new AgentProcess(Process.Start(start)!);
    }

    private sealed class AgentProcess : IDisposable
    {
        private readonly StringBuilder _output = new();

        public AgentProcess(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<int> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await Process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The agent did not exit. Output:\n{Output}");
            }

            return Process.ExitCode;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
