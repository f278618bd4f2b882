using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Configuration;

/// <summary>
/// host.json's <c>extensions.durableTask</c> (read with the rest of it by <see cref="HostJsonSettings"/>, app settings'
/// overrides included), with the Durable Functions extension's defaults.
/// </summary>
public sealed record DurableTaskHostSettings
{
    /// <summary>hubName, its %Setting% references resolved.</summary>
    public string HubName { get; init; } = "TestHubName";

    public int PartitionCount { get; init; } = 4;

    public int MaxConcurrentActivityFunctions { get; init; } = 10 * Environment.ProcessorCount;

    public int MaxConcurrentOrchestratorFunctions { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>The longest wait between polls of the task hub's queues when they are idle.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dequeued orchestration message stays invisible: after a crash, how soon it is delivered again.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a dequeued activity message stays invisible: after a crash, how soon the activity runs again.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The settings in host.json's durableTask section; %Setting% references resolved from the app settings.</summary>
    public static DurableTaskHostSettings From(IConfigurationSection durable, IConfiguration appSettings)
    {
        var storage = durable.GetSection("storageProvider");
        var defaults = new DurableTaskHostSettings();
        return new DurableTaskHostSettings
        {
            HubName = durable["hubName"] is { Length: > 0 } hub ? AppSettingResolver.Resolve(hub, appSettings, "durableTask.hubName") : defaults.HubName,
            PartitionCount = storage.GetValue("partitionCount", defaults.PartitionCount),
            MaxConcurrentActivityFunctions = durable.GetValue("maxConcurrentActivityFunctions", defaults.MaxConcurrentActivityFunctions),
            MaxConcurrentOrchestratorFunctions = durable.GetValue("maxConcurrentOrchestratorFunctions", defaults.MaxConcurrentOrchestratorFunctions),
            MaxQueuePollingInterval = storage.GetValue("maxQueuePollingInterval", defaults.MaxQueuePollingInterval),
            ControlQueueVisibilityTimeout = storage.GetValue("controlQueueVisibilityTimeout", defaults.ControlQueueVisibilityTimeout),
            WorkItemQueueVisibilityTimeout = storage.GetValue("workItemQueueVisibilityTimeout", defaults.WorkItemQueueVisibilityTimeout),
        };
    }
}
