using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources.Models;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// The <c>azure</c> provider, through Azure.ResourceManager: a resource group per cluster (with one virtual network,
/// subnet and security group), and per node a public IP, a NIC and a VM named after the node's uuid. Calls start the
/// VMs' creation and deletion and return; the orchestration awaits a VM's provisioning through <see cref="DescribeNodesAsync"/>.
/// Throttling and server errors are retried by the SDK (exponential backoff with jitter, Retry-After honoured) and then
/// surface as transient <see cref="ProviderException"/>s for the activity's retry policy; permanent refusals fail only
/// the node concerned, with ARM's message.
/// </summary>
public sealed partial class AzureNodeProvider : INodeProvider
{
    public const string ProviderName = "azure";

    private readonly AzureArmClients _clients;
    private readonly ILogger<AzureNodeProvider> _logger;
    private readonly AzureClusterNetwork _network;
    private readonly AzureNodeCreator _creator;
    private readonly AzureNodeTerminator _terminator;
    private readonly Lazy<string> _sshPublicKey;

    public AzureNodeProvider(AzureArmClients clients, ILogger<AzureNodeProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = clients;
        _logger = logger;
        var options = clients.Options;
        _sshPublicKey = new Lazy<string>(() => string.IsNullOrWhiteSpace(options.SshPublicKey) ? ThrowawaySshKey.Create() : options.SshPublicKey.Trim());
        _network = new AzureClusterNetwork(options);
        _creator = new AzureNodeCreator(options, () => _sshPublicKey.Value, logger);
        _terminator = new AzureNodeTerminator(options, logger);
    }

    public string Name => ProviderName;

    public bool NeedsAccount => true;

    /// <summary>Reads the subscription: a wrong secret, a principal without access or an unknown subscription fail here with Azure's message.</summary>
    public async Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
    {
        var session = _clients.Connect(account);
        try
        {
            var subscription = await session.Subscription.GetAsync(cancellationToken).ConfigureAwait(false);
            if (subscription.Value.Data.State is { } state && state != SubscriptionState.Enabled && state != SubscriptionState.Warned)
            {
                throw new ProviderException($"The Azure subscription {session.SubscriptionId} is {state}; nodes cannot be made in it.");
            }
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex))
        {
            throw AzureErrors.ToProviderException(ex, $"The Azure account cannot use subscription {session.SubscriptionId}");
        }
    }

    public async Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = _clients.Connect(request.Account);
        var scope = AzureClusterScope.For(session.SubscriptionId, request.ClusterName, request.ClusterUuid);
        try
        {
            await _network.EnsureAsync(session, scope, new AzureLocation(request.Region), request.ClusterUuid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex) && !AzureErrors.IsTransient(ex))
        {
            // The cluster's network refused (a region not offered, no rights): every node of the batch fails with Azure's reason.
            var reason = AzureErrors.Describe(ex);
            LogClusterNetworkFailed(_logger, request.ClusterUuid, reason);
            return request.Nodes.Select(n => NodeCreationResult.Failed(n.NodeUuid, reason)).ToList();
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex))
        {
            throw AzureErrors.ToProviderException(ex);
        }

        return await ForEachNodeAsync(request.Nodes, node => CreateOneAsync(session, scope, request, node, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = _clients.Connect(request.Account);
        return await ForEachNodeAsync(request.Nodes, node => AzureNodeStatusReader.DescribeAsync(session, node, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = _clients.Connect(request.Account);
        var clusterScope = await ClusterScopeAsync(session, request, cancellationToken).ConfigureAwait(false);
        var results = await ForEachNodeAsync(request.Nodes, node => _terminator.TerminateAsync(session, node, clusterScope, cancellationToken)).ConfigureAwait(false);
        if (clusterScope is not null)
        {
            await _terminator.DeleteResourceGroupWhenEmptyAsync(session, clusterScope, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private async Task<NodeCreationResult> CreateOneAsync(AzureSession session, AzureClusterScope scope, NodeCreationRequest request, NodeToCreate node, CancellationToken cancellationToken)
    {
        try
        {
            return await _creator.CreateAsync(session, scope, request, node, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex) && !AzureErrors.IsTransient(ex))
        {
            var reason = AzureErrors.Describe(ex);
            LogNodeFailed(_logger, node.NodeUuid, reason);
            return NodeCreationResult.Failed(node.NodeUuid, reason);
        }
    }

    /// <summary>The cluster's resource group: from a node's VM id, else looked up by the cluster's tag; null when the request names no cluster.</summary>
    private static async Task<AzureClusterScope?> ClusterScopeAsync(AzureSession session, NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        if (request.Nodes.Select(n => AzureVirtualMachines.ParseProviderId(n.ProviderId)).FirstOrDefault(id => id is not null) is { } vmId)
        {
            return request.ClusterUuid is null ? null : AzureClusterScope.Of(vmId);
        }

        try
        {
            return request.ClusterUuid is { } clusterUuid
                ? await AzureNodeTerminator.FindClusterScopeAsync(session, clusterUuid, cancellationToken).ConfigureAwait(false)
                : null;
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex))
        {
            throw AzureErrors.ToProviderException(ex);
        }
    }

    /// <summary>
    /// Runs the nodes' calls side by side (a batch is small). Failures still transient after the SDK's retries fail the whole
    /// call as a transient <see cref="ProviderException"/>, so the activity retries it; the calls are idempotent.
    /// </summary>
    private static async Task<IReadOnlyList<T>> ForEachNodeAsync<TNode, T>(IEnumerable<TNode> nodes, Func<TNode, Task<T>> call)
    {
        var calls = nodes.Select(call).ToList();
        try
        {
            return await Task.WhenAll(calls).ConfigureAwait(false);
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex))
        {
            throw AzureErrors.ToProviderException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure node {NodeUuid}: not created: {Reason}")]
    private static partial void LogNodeFailed(ILogger logger, Guid nodeUuid, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure cluster {ClusterUuid}: its resource group or network was refused: {Reason}")]
    private static partial void LogClusterNetworkFailed(ILogger logger, Guid clusterUuid, string reason);
}
