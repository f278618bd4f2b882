using FunctionsCloud.Domain.Liveness;

namespace FunctionsCloud.Application.Configuration;

/// <summary>The settings under "FunctionsCloud" (app settings "FunctionsCloud__..."). Every one is listed in the README.</summary>
public sealed class FunctionsCloudOptions
{
    public const string Section = "FunctionsCloud";

    /// <summary>The address agents use to reach the API, e.g. https://myapp.azurewebsites.net.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Upper bound on target_num_nodes.</summary>
    public int MaxNodesPerCluster { get; set; } = 100;

    /// <summary>How long a deployment waits for a new node's agent to register before marking it Unreachable.</summary>
    public int RegistrationTimeoutSeconds { get; set; } = 600;

    /// <summary>Upper bound on a service's target_num_containers.</summary>
    public int MaxContainersPerService { get; set; } = 100;

    /// <summary>How long a service operation waits for the agents to report its containers Running (or gone) before it settles with what it has.</summary>
    public int ContainerTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// How often a service operation looks at what the agents reported about its containers when no report woke it:
    /// a report that changes a container wakes the operation waiting on it at once, so this only covers a lost wake-up
    /// (or a node that stops reporting).
    /// </summary>
    public int ContainerPollSeconds { get; set; } = 15;

    /// <summary>How long a Node Upgrade Docker waits for the node's agent to report the upgrade (command and engine restart) before it fails.</summary>
    public int EngineUpgradeTimeoutSeconds { get; set; } = 900;

    /// <summary>
    /// The storage queue of commands (operations on clusters and services for systems without an API key at hand).
    /// The queue-triggered function reads the app setting FunctionsCloud__CommandQueue itself; this copy documents the default.
    /// </summary>
    public string CommandQueue { get; set; } = DefaultCommandQueue;

    public const string DefaultCommandQueue = "functionscloud-commands";

    /// <summary>The largest command message or trigger call body accepted, in bytes.</summary>
    public int MaxCommandBytes { get; set; } = 8192;

    /// <summary>How many calls one trigger URL accepts per minute; more answer 429.</summary>
    public int TriggerCallsPerMinute { get; set; } = 30;

    /// <summary>How many API keys one user may make per minute, on all instances together; more answer 429.</summary>
    public int ApiKeysPerMinute { get; set; } = 10;

    /// <summary>How often agents send heartbeats.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = 10;

    /// <summary>A node silent this long becomes Unreachable (default: three missed heartbeats and a half).</summary>
    public int UnreachableAfterSeconds { get; set; } = 45;

    /// <summary>A node silent this long is handed to the lost-node handling (its containers go elsewhere).</summary>
    public int LostAfterSeconds { get; set; } = 300;

    /// <summary>
    /// The liveness monitor's timer schedule (NCRONTAB with seconds). The timer reads the app setting
    /// FunctionsCloud__MonitorSchedule itself; this copy documents the default.
    /// </summary>
    public string MonitorSchedule { get; set; } = DefaultMonitorSchedule;

    public const string DefaultMonitorSchedule = "*/10 * * * * *";

    /// <summary>
    /// The period of <see cref="MonitorSchedule"/> in seconds. Due rows are kept on multiples of it (shifted by a phase
    /// per node, so that nodes cross into their next period at different instants), so that a heartbeat moves its
    /// node's due row only when its deadline crosses into the next period.
    /// </summary>
    public int MonitorPeriodSeconds { get; set; } = 10;

    /// <summary>
    /// How long the monitor may go without a tick that worked before it takes the gap for its own outage (0: three
    /// periods, at least 5 s).
    /// </summary>
    public int MonitorOutageGapSeconds { get; set; }

    /// <summary>How often a deployment asks the provider how its machines' creation is going, while some are still being made.</summary>
    public int ProvisioningPollSeconds { get; set; } = 10;

    /// <summary>How many nodes one provider call creates or terminates; batches run in parallel.</summary>
    public int ProviderBatchSize { get; set; } = 10;

    /// <summary>
    /// Base64 key (32+ bytes) that signs registration tokens and node secrets, so that heartbeats are
    /// verified without a storage read. Rotating it invalidates every node secret.
    /// </summary>
    public string NodeCredentialKey { get; set; } = "";

    /// <summary>How long a node's registration token stays valid.</summary>
    public int RegistrationTokenLifetimeSeconds { get; set; } = 24 * 3600;

    /// <summary>How long a registration token for hosts of one's own (POST /api/infra/v1/token/) stays valid unless asked otherwise.</summary>
    public int ByonTokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>The longest lifetime a registration token may be given.</summary>
    public int ByonTokenMaxLifetimeSeconds { get; set; } = 30 * 24 * 3600;

    /// <summary>The most hosts one registration token may register.</summary>
    public int ByonTokenMaxUses { get; set; } = 1000;

    public BootstrapAdminOptions Bootstrap { get; set; } = new();

    public LivenessPolicy LivenessPolicy() =>
        new(TimeSpan.FromSeconds(UnreachableAfterSeconds), TimeSpan.FromSeconds(LostAfterSeconds), TimeSpan.FromSeconds(MonitorPeriodSeconds),
            MonitorOutageGapSeconds > 0 ? TimeSpan.FromSeconds(MonitorOutageGapSeconds) : null);

    public static bool HasSaneLiveness(FunctionsCloudOptions options) =>
        options.UnreachableAfterSeconds > 0 && options.LostAfterSeconds > options.UnreachableAfterSeconds && options.MonitorPeriodSeconds > 0;

    public static bool HasCredentialKey(FunctionsCloudOptions options)
    {
        Span<byte> key = stackalloc byte[512];
        return Convert.TryFromBase64String(options.NodeCredentialKey, key, out var length) && length >= 32;
    }
}

/// <summary>The first admin API key, stored hashed at start-up so that someone can call the API at all.</summary>
public sealed class BootstrapAdminOptions
{
    public string User { get; set; } = "admin";
    public string Namespace { get; set; } = "admin";
    /// <summary>Empty: no key is bootstrapped.</summary>
    public string ApiKey { get; set; } = "";
}
