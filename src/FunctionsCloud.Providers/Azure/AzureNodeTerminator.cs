using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// Terminates nodes by starting their VMs' deletion, which takes the NIC, OS disk and public IP along (their delete
/// options say so); nothing is waited for. A VM that is already gone counts as terminated, and the NIC and public IP it
/// may have left (it was never made) are removed. When the cluster's last VM goes, its resource group goes too.
/// </summary>
public sealed partial class AzureNodeTerminator(AzureProviderOptions options, ILogger logger)
{
    public async Task<NodeTerminationResult> TerminateAsync(
        AzureSession session, ProvisionedNode node, AzureClusterScope? clusterScope, CancellationToken cancellationToken)
    {
        var vmId = AzureVirtualMachines.ParseProviderId(node.ProviderId) ?? clusterScope?.VirtualMachine(node.NodeUuid);
        if (vmId is null)
        {
            // No provider id and no resource group for the cluster: nothing was ever made for this node.
            return new NodeTerminationResult(node.NodeUuid, true);
        }

        try
        {
            if (!await StartVmDeletionAsync(session, vmId, cancellationToken).ConfigureAwait(false))
            {
                await AzureNodeNetwork.DeleteAsync(session, AzureClusterScope.Of(vmId), node.NodeUuid, options.NetworkPollInterval, cancellationToken).ConfigureAwait(false);
            }

            LogTerminated(logger, node.NodeUuid, vmId.ToString());
            return new NodeTerminationResult(node.NodeUuid, true);
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex) && !AzureErrors.IsTransient(ex))
        {
            return new NodeTerminationResult(node.NodeUuid, false, AzureErrors.Describe(ex));
        }
    }

    /// <summary>
    /// Starts deleting the cluster's resource group when no VM is left in it but those being deleted or that failed to be made
    /// (a failed VM never became a node). Called after the batch's VM deletions have started, so of parallel batches the last
    /// to look sees every other's deletions. Best effort: an empty group with its network costs nothing and is reused.
    /// </summary>
    public async Task DeleteResourceGroupWhenEmptyAsync(AzureSession session, AzureClusterScope scope, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var vm in AzureVirtualMachines.In(session, scope).GetAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (vm.Data.ProvisioningState is not ("Deleting" or "Failed"))
                {
                    return;
                }
            }

            await session.Arm.GetResourceGroupResource(scope.ResourceGroupId).DeleteAsync(WaitUntil.Started, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogGroupDeleted(logger, scope.ResourceGroupName);
        }
        catch (RequestFailedException ex) when (AzureErrors.IsNotFound(ex))
        {
            // The group is gone already.
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex))
        {
            LogGroupNotDeleted(logger, scope.ResourceGroupName, AzureErrors.Describe(ex));
        }
    }

    /// <summary>The cluster's resource group, found by its tag (the cluster's name is not known here), or null.</summary>
    public static async Task<AzureClusterScope?> FindClusterScopeAsync(AzureSession session, Guid clusterUuid, CancellationToken cancellationToken)
    {
        var filter = $"tagName eq '{AzureNames.ClusterTag}' and tagValue eq '{clusterUuid:D}'";
        await foreach (var group in session.Subscription.GetResourceGroups().GetAllAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return new AzureClusterScope(session.SubscriptionId, group.Data.Name);
        }

        return null;
    }

    /// <summary>False when there is no such VM.</summary>
    private static async Task<bool> StartVmDeletionAsync(AzureSession session, ResourceIdentifier vmId, CancellationToken cancellationToken)
    {
        try
        {
            await session.Arm.GetVirtualMachineResource(vmId).DeleteAsync(WaitUntil.Started, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (AzureErrors.IsNotFound(ex))
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure node {NodeUuid}: deletion of VM {VmId} started")]
    private static partial void LogTerminated(ILogger logger, Guid nodeUuid, string vmId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure resource group {ResourceGroup}: no VM left; deletion started")]
    private static partial void LogGroupDeleted(ILogger logger, string resourceGroup);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure resource group {ResourceGroup}: not deleted: {Reason}")]
    private static partial void LogGroupNotDeleted(ILogger logger, string resourceGroup, string reason);
}
