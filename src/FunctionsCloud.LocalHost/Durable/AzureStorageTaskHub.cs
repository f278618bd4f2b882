using DurableTask.AzureStorage;
using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// The Durable Task Framework's Azure Storage backend, as Durable Functions runs it in Azure (host.json's
/// <c>storageProvider</c> "AzureStorage"): the task hub's queues, tables and leases in the app's storage account.
/// </summary>
public static class AzureStorageTaskHub
{
    /// <summary>The orchestration service over <paramref name="connectionString"/>, its task hub created when missing.</summary>
    /// <param name="workerId">
    /// Who holds the partitions' leases. A process that comes back under the same id takes its partitions back at once;
    /// under another it waits for the dead one's leases to lapse (30 s).
    /// </param>
    public static async Task<AzureStorageOrchestrationService> CreateAsync(
        string connectionString, DurableTaskHostSettings settings, string workerId, ILoggerFactory loggerFactory)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = settings.HubName,
            PartitionCount = settings.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = settings.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = settings.MaxConcurrentOrchestratorFunctions,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = settings.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = settings.WorkItemQueueVisibilityTimeout,
            WorkerId = workerId,
            // One app per task hub here: the app lease (for several app versions sharing a hub) would only make a
            // restarted process wait for its predecessor's lease.
            UseAppLease = false,
            LoggerFactory = loggerFactory,
        });
        await service.CreateIfNotExistsAsync();
        return service;
    }
}
