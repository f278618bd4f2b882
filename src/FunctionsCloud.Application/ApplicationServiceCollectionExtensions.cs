using FunctionsCloud.Application.Accounts;
using FunctionsCloud.Application.Repositories;
using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Catalog;
using FunctionsCloud.Application.Commands;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Containers;
using FunctionsCloud.Application.Events;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Logs;
using FunctionsCloud.Application.NodeClusters;
using FunctionsCloud.Application.Nodes;
using FunctionsCloud.Application.NodeTermination;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Application.Stacks;
using FunctionsCloud.Application.Stacks.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Tokens;
using FunctionsCloud.Application.Triggers;
using FunctionsCloud.Application.Users;
using FunctionsCloud.Application.Telemetry;
using FunctionsCloud.Domain.Catalog;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Providers.Aws;
using FunctionsCloud.Providers.Azure;
using FunctionsCloud.Providers.DigitalOcean;
using FunctionsCloud.Providers.SoftLayer;
using FunctionsCloud.Providers.Local;
using FunctionsCloud.Storage.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>Everything below the function app: options, storage, providers, and the use cases.</summary>
    public static IServiceCollection AddFunctionsCloudApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FunctionsCloudOptions>()
            .Bind(configuration.GetSection(FunctionsCloudOptions.Section))
            .Validate(FunctionsCloudOptions.HasCredentialKey,
                "FunctionsCloud:NodeCredentialKey must be a base64 key of 32 bytes or more (it signs registration tokens and node secrets).")
            .Validate(FunctionsCloudOptions.HasSaneLiveness,
                "FunctionsCloud:UnreachableAfterSeconds and MonitorPeriodSeconds must be above 0 and FunctionsCloud:LostAfterSeconds above UnreachableAfterSeconds.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FunctionsCloudOptions>>(sp => new UnresolvedKeyVaultReferences(
            configuration, sp.GetService<ILogger<UnresolvedKeyVaultReferences>>() ?? NullLogger<UnresolvedKeyVaultReferences>.Instance));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddFunctionsCloudStorage(configuration);
        services.AddContainerLogs(configuration);
        services.AddLocalNodeProvider(configuration);
        services.AddAwsNodeProvider(configuration);
        services.AddAzureNodeProvider(configuration);
        services.AddDigitalOceanNodeProvider(configuration);
        services.AddSoftLayerNodeProvider(configuration);
        services.TryAddSingleton(ProviderCatalog.Default);
        // Every provider call a span of its own, whichever provider.
        services.TryAddSingleton(sp => new NodeProviderRegistry(sp.GetServices<INodeProvider>().Select(p => new TracedNodeProvider(p))));
        services.TryAddSingleton<CatalogView>();
        services.AddCredentialVault(configuration);
        services.TryAddSingleton<ProviderAccountService>();
        services.TryAddSingleton<RepositoryService>();
        services.TryAddSingleton<RegistryCredentialIssuer>();

        services.TryAddSingleton<RevocationWatch>();
        services.TryAddSingleton<KeyUseRecorder>();
        services.TryAddSingleton<NamespaceAccess>();
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton<ApiKeyService>();
        services.TryAddSingleton<OrganizationMembers>();
        services.TryAddSingleton<UserService>();
        services.TryAddSingleton<OrganizationService>();
        services.AddHostedService<AdminKeyBootstrapper>();
        services.TryAddSingleton<NodeCredentials>();
        services.TryAddSingleton<InventoryRules>();
        services.TryAddSingleton<AgentRegistrar>();
        services.TryAddSingleton<HeartbeatRecorder>();
        services.TryAddSingleton<ContainerReportRecorder>();
        services.TryAddSingleton<DesiredContainerReader>();
        services.TryAddSingleton<NodeSecretRotator>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FunctionsCloudOptions>>().Value.LivenessPolicy());
        services.TryAddSingleton<LivenessRegistry>();
        services.TryAddSingleton<NodeLivenessTransitions>();
        services.TryAddSingleton<SystemOperations>();
        services.TryAddSingleton<EveryNodeFiller>();
        services.TryAddSingleton<ContainerRescheduler>();
        services.TryAddSingleton<ILostNodeHandler>(sp => sp.GetRequiredService<ContainerRescheduler>());
        services.TryAddSingleton<OwnStorageOutage>();
        services.TryAddSingleton<LivenessMonitor>();
        services.TryAddSingleton<NodeGenerations>();
        services.TryAddSingleton<EventService>();
        services.AddOptions<EventStream.EventsOptions>().Bind(configuration.GetSection(EventStream.EventsOptions.Section))
            .Validate(o => o.RetentionDays >= 1, "FunctionsCloud:Events:RetentionDays must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<EventStream.EventFeed>();
        services.TryAddSingleton<EventStream.EventRetentionSweep>();

        services.TryAddSingleton<ActionJournal>();
        services.TryAddSingleton<ActionService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionOperations, ClusterActionOperations>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionOperations, ServiceActionOperations>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionOperations, EngineUpgradeActionOperations>());
        services.TryAddSingleton<ActionCancellation>();
        services.TryAddSingleton<ActionRetry>();
        services.TryAddSingleton<OperationLauncher>();
        services.TryAddSingleton<OperationTakeover>();
        services.TryAddSingleton<OperationSlot>();
        services.TryAddSingleton<NodeOperationSlot>();
        services.TryAddSingleton<OwnNodeTerminationStarter>();
        services.TryAddSingleton<OwnNodeTerminationActivities>();
        services.TryAddSingleton<EngineUpgrades.EngineUpgradeStarter>();
        services.TryAddSingleton<EngineUpgrades.EngineUpgradeActivities>();
        services.TryAddSingleton<ClusterOperationStarter>();
        services.TryAddSingleton<NodeClusterOperationActivities>();
        services.TryAddSingleton<NodeClusterService>();
        services.TryAddSingleton<ServiceOperationStarter>();
        services.TryAddSingleton<ServiceNodes>();
        services.TryAddSingleton<ContainerSpecBuilder>();
        services.TryAddSingleton<ServiceSteps>();
        services.TryAddSingleton<ServiceOperationActivities>();
        services.TryAddSingleton<ContainerWaitWakeUps>();
        services.TryAddSingleton<NodeService>();
        services.TryAddSingleton<RegistrationTokenService>();
        services.TryAddSingleton<ServiceViews>();
        services.TryAddSingleton<ServiceService>();
        services.TryAddSingleton<StackService>();
        services.TryAddSingleton<StackOperationStarter>();
        services.TryAddSingleton<StackOperationActivities>();
        services.TryAddSingleton<ContainerService>();
        services.AddCommandQueue();
        services.AddTriggers();
        return services;
    }
}
