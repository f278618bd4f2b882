using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Tests.Support;

namespace FunctionsCloud.Agent.Tests.Configuration;

public sealed class AgentOptionsLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static Dictionary<string, string?> Env(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);

    [Fact]
    public void Reads_the_command_line()
    {
        var result = AgentOptionsLoader.Load(
            ["--api-url", "https://cloud.example.com", "--token=tok", "--state-dir", _dir.Path, "--heartbeat-interval", "20", "--docker-host", "tcp://10.0.0.1:2375", "--hostname", "web-1"],
            Env());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var options = result.Options!;
        Assert.Equal(new Uri("https://cloud.example.com"), options.ApiUrl);
        Assert.Equal("tok", options.Token);
        Assert.Equal(_dir.Path, options.StateDir);
        Assert.Equal(TimeSpan.FromSeconds(20), options.HeartbeatInterval);
        Assert.Equal(new Uri("tcp://10.0.0.1:2375"), options.DockerHost);
        Assert.Equal("web-1", options.Hostname);
        Assert.DoesNotContain("tok", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_beats_environment_which_beats_agent_json()
    {
        File.WriteAllText(_dir.Combine("agent.json"), """{ "api_url": "http://from-file", "heartbeat_interval": 7, "hostname": "file-host", "docker_host": "tcp://file:2375" }""");
        var env = Env(
            ("FUNCTIONSCLOUD_AGENT_STATE_DIR", _dir.Path),
            ("FUNCTIONSCLOUD_AGENT_API_URL", "http://from-env"),
            ("FUNCTIONSCLOUD_AGENT_TOKEN", "env-token"),
            ("FUNCTIONSCLOUD_AGENT_HOSTNAME", "env-host"),
            ("DOCKER_HOST", "tcp://docker-host-variable:2375"));

        var options = AgentOptionsLoader.Load(["--api-url", "http://from-cli"], env).Options!;

        Assert.Equal(new Uri("http://from-cli"), options.ApiUrl);
        Assert.Equal("env-token", options.Token);
        Assert.Equal("env-host", options.Hostname);
        Assert.Equal(TimeSpan.FromSeconds(7), options.HeartbeatInterval);
        Assert.Equal(new Uri("tcp://file:2375"), options.DockerHost);
    }

    [Fact]
    public void Docker_host_defaults_to_DOCKER_HOST_then_the_socket()
    {
        var fromVariable = AgentOptionsLoader.Load(["--api-url", "http://x", "--state-dir", _dir.Path], Env(("DOCKER_HOST", "tcp://d:2375"))).Options!;
        var byDefault = AgentOptionsLoader.Load(["--api-url", "http://x", "--state-dir", _dir.Path], Env()).Options!;

        Assert.Equal(new Uri("tcp://d:2375"), fromVariable.DockerHost);
        Assert.Equal(new Uri("unix:///var/run/docker.sock"), byDefault.DockerHost);
        Assert.Null(byDefault.HeartbeatInterval);
        Assert.Null(byDefault.Token);
    }

    [Theory]
    [InlineData(new[] { "--state-dir", "/tmp/x" }, "--api-url")]
    [InlineData(new[] { "--api-url", "ftp://x" }, "not an absolute http")]
    [InlineData(new[] { "--api-url", "http://x", "--heartbeat-interval", "0" }, "whole number of seconds")]
    [InlineData(new[] { "--api-url", "http://x", "--heartbeat-interval", "5m" }, "whole number of seconds")]
    [InlineData(new[] { "--api-url", "http://x", "--frobnicate", "1" }, "Unknown option '--frobnicate'")]
    [InlineData(new[] { "--api-url", "http://x", "stray" }, "Unexpected argument 'stray'")]
    [InlineData(new[] { "--api-url" }, "needs a value")]
    [InlineData(new[] { "--api-url", "http://x", "--docker-host", "docker.sock" }, "not a Docker endpoint")]
    public void Bad_options_give_clear_errors(string[] args, string expected)
    {
        var result = AgentOptionsLoader.Load(args, Env());

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_settings_in_agent_json_are_errors()
    {
        File.WriteAllText(_dir.Combine("agent.json"), """{ "api_url": "http://x", "colour": "blue" }""");

        var result = AgentOptionsLoader.Load(["--state-dir", _dir.Path], Env());

        Assert.Contains(result.Errors, e => e.Contains("unknown setting 'colour'", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_agent_json_is_an_error()
    {
        File.WriteAllText(_dir.Combine("agent.json"), "{ not json");

        var result = AgentOptionsLoader.Load(["--state-dir", _dir.Path, "--api-url", "http://x"], Env());

        Assert.Contains(result.Errors, e => e.Contains("agent.json cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_is_recognised()
    {
        Assert.True(AgentOptionsLoader.Load(["--help"], Env()).HelpRequested);
        Assert.Contains("FUNCTIONSCLOUD_AGENT_TOKEN", AgentOptionsLoader.Usage, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
