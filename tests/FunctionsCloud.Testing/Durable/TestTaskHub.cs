namespace FunctionsCloud.Testing.Durable;

/// <summary>
/// App settings that give a test host a task hub of its own on the Azure Storage backend, tuned as the local run is:
/// queues polled at least every 250 ms when idle (host.json's 10 s would add up to 10 s to every step of an
/// operation), and dequeued messages invisible for seconds rather than 5 minutes, so that work a killed host had
/// taken is delivered again soon.
/// </summary>
public static class TestTaskHub
{
    private const string StorageProvider = "AzureFunctionsJobHost:extensions:durableTask:storageProvider:";

    public const string HubNameSetting = "AzureFunctionsJobHost:extensions:durableTask:hubName";

    public static readonly TimeSpan MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The polling and visibility overrides, without a hub name (FunctionsCloud's host.json names its hub from an app setting).</summary>
    public static Dictionary<string, string?> Tuning() => new()
    {
        [StorageProvider + "maxQueuePollingInterval"] = MaxQueuePollingInterval.ToString("c"),
        [StorageProvider + "controlQueueVisibilityTimeout"] = ControlQueueVisibilityTimeout.ToString("c"),
        [StorageProvider + "workItemQueueVisibilityTimeout"] = WorkItemQueueVisibilityTimeout.ToString("c"),
    };

    /// <summary>A task hub name no other test uses (letters and digits, as Azure Storage hub names must be).</summary>
    public static string UniqueName() => "hub" + Guid.NewGuid().ToString("N")[..12];
}
