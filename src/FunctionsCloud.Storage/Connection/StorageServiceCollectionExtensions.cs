using Azure.Storage.Blobs;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using FunctionsCloud.Storage.Accounts;
using FunctionsCloud.Storage.Repositories;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Census;
using FunctionsCloud.Storage.Changes;
using FunctionsCloud.Storage.Commands;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.AgentBuilds;
using FunctionsCloud.Storage.Events;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using FunctionsCloud.Storage.Tokens;
using FunctionsCloud.Storage.Triggers;
using FunctionsCloud.Storage.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Storage.Connection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage clients (from <c>AzureWebJobsStorage</c>), the table names (from
    /// <c>FunctionsCloud:TablePrefix</c>) and every store, all singletons. Registrations already made
    /// (e.g. a <see cref="StorageClients"/> with test policies) are kept.
    /// </summary>
    public static IServiceCollection AddFunctionsCloudStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.TryAddSingleton(_ => TableNames.FromConfiguration(configuration));
        services.TryAddSingleton<TableServiceClient>(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.TryAddSingleton<QueueServiceClient>(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.TryAddSingleton<BlobServiceClient>(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.TryAddSingleton(sp => new StorageTables(sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<TableNames>()));
        services.TryAddSingleton<INodeClusterStore, NodeClusterStore>();
        services.TryAddSingleton<INodeStore, NodeStore>();
        services.TryAddSingleton<IActionStore, ActionStore>();
        services.TryAddSingleton<IApiKeyStore, ApiKeyStore>();
        services.TryAddSingleton<IApiKeyCreationCounter, ApiKeyCreationCounter>();
        services.TryAddSingleton<IAccountStore, AccountStore>();
        services.TryAddSingleton(_ => LivenessShards.FromConfiguration(configuration));
        services.TryAddSingleton<ILivenessStore, LivenessStore>();
        services.TryAddSingleton<IEventStore, EventStore>();
        services.TryAddSingleton<IChangeLog>(sp => sp.GetRequiredService<StorageTables>().Changes);
        services.TryAddSingleton<IRegistrationTokenStore, RegistrationTokenStore>();
        services.TryAddSingleton<IProviderAccountStore, ProviderAccountStore>();
        services.TryAddSingleton<IRepositoryStore, RepositoryStore>();
        services.TryAddSingleton<IServiceStore, ServiceStore>();
        services.TryAddSingleton<IStackStore, StackStore>();
        services.TryAddSingleton<IContainerStore, ContainerStore>();
        services.AddTriggerStores();
        services.TryAddSingleton<ICommandReceiptStore, CommandReceiptStore>();
        services.TryAddSingleton<ICommandQueues, CommandQueues>();
        services.TryAddSingleton<IStateCensus, StateCensus>();
        services.TryAddSingleton<IAgentBuilds>(sp => new BlobAgentBuilds(sp.GetRequiredService<BlobServiceClient>(), BlobAgentBuilds.ContainerOf(configuration)));
        return services;
    }
}
