namespace FunctionsCloud.Agent.Configuration;

/// <summary>The agent's validated settings (see <see cref="AgentOptionsLoader"/> for where they come from).</summary>
public sealed record AgentOptions
{
    public const string DefaultStateDir = "/var/lib/functionscloud-agent";
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(15);
    public const string DefaultUpgradeCommand = "apt-get install -y --only-upgrade docker.io";

    /// <summary>The control plane's base address, e.g. https://cloud.example.com.</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>The one-time registration token; only needed while the state directory holds no identity.</summary>
    public string? Token { get; init; }

    /// <summary>Absolute path of the directory holding identity.json (and optionally agent.json).</summary>
    public required string StateDir { get; init; }

    /// <summary>The interval to start with, until the control plane says otherwise. Null: the registration's, or the default.</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>The Docker engine endpoint (DOCKER_HOST form, e.g. unix:///var/run/docker.sock or tcp://host:2375).</summary>
    public required Uri DockerHost { get; init; }

    /// <summary>The host name reported at registration.</summary>
    public required string Hostname { get; init; }

    /// <summary>The shell command that upgrades the host's Docker engine when the control plane orders it (run with /bin/sh -c).</summary>
    public string UpgradeCommand { get; init; } = DefaultUpgradeCommand;

    /// <summary>Run once to replace the node secret (<c>--rotate-secret</c>), then exit, instead of running the agent.</summary>
    public bool RotateSecret { get; init; }

    /// <summary>Never print the token.</summary>
    public override string ToString() =>
        $"AgentOptions {{ ApiUrl = {ApiUrl}, StateDir = {StateDir}, HeartbeatInterval = {HeartbeatInterval}, DockerHost = {DockerHost}, Hostname = {Hostname}, UpgradeCommand = {UpgradeCommand}, Token = {(Token is null ? "none" : "***")} }}";
}
