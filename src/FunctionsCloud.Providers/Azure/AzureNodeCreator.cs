using Azure;
using Azure.Core;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// Makes one node: its public IP and NIC (quick network PUTs, waited for because each refers to the one before), then
/// starts its VM and returns without waiting for it: the orchestration follows the VM's provisioning through
/// <see cref="AzureNodeStatusReader"/>. A VM that already exists (a replayed activity) is found and not PUT again: its
/// custom data cannot change, and there is never a second one.
/// </summary>
public sealed partial class AzureNodeCreator(AzureProviderOptions options, Func<string> sshPublicKey, ILogger logger)
{
    public async Task<NodeCreationResult> CreateAsync(
        AzureSession session, AzureClusterScope scope, NodeCreationRequest request, NodeToCreate node, CancellationToken cancellationToken)
    {
        var location = new AzureLocation(request.Region);
        var vmId = scope.VirtualMachine(node.NodeUuid);
        if (await AzureVirtualMachines.FindAsync(session, vmId, instanceView: false, cancellationToken).ConfigureAwait(false) is not null)
        {
            LogAlreadyExists(logger, node.NodeUuid, vmId.ToString());
            var existingIp = await AzureGenericResources.FindAsync(session, scope.PublicIp(node.NodeUuid), cancellationToken).ConfigureAwait(false);
            return NodeCreationResult.Created(node.NodeUuid, vmId.ToString(), publicIp: AzureGenericResources.IpAddressOf(existingIp));
        }

        var publicIp = await AzureGenericResources.PutAndWaitAsync(session, scope.PublicIp(node.NodeUuid),
            AzureNetworkResources.PublicIp(location, request.ClusterUuid, node.NodeUuid), options.NetworkPollInterval, cancellationToken).ConfigureAwait(false);
        await AzureGenericResources.PutAndWaitAsync(session, scope.NetworkInterface(node.NodeUuid),
            AzureNetworkResources.NetworkInterface(location, request.ClusterUuid, node.NodeUuid, scope.Subnet, scope.PublicIp(node.NodeUuid)),
            options.NetworkPollInterval, cancellationToken).ConfigureAwait(false);
        await StartVirtualMachineAsync(session, scope, request, node, location, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, node.NodeUuid, vmId.ToString());
        return NodeCreationResult.Created(node.NodeUuid, vmId.ToString(), publicIp: AzureGenericResources.IpAddressOf(publicIp));
    }

    /// <summary>Starts the VM's PUT (201 and an async operation); a refusal (size not offered, quota) removes the node's network again.</summary>
    private async Task StartVirtualMachineAsync(
        AzureSession session, AzureClusterScope scope, NodeCreationRequest request, NodeToCreate node, AzureLocation location, CancellationToken cancellationToken)
    {
        var spec = AzureVirtualMachineSpec.For(request, node, location, scope.NetworkInterface(node.NodeUuid), options, sshPublicKey());
        try
        {
            await AzureVirtualMachines.In(session, scope)
                .CreateOrUpdateAsync(WaitUntil.Started, AzureNames.VirtualMachine(node.NodeUuid), spec, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (!AzureErrors.IsTransient(ex))
        {
            await RemoveNetworkAsync(session, scope, node.NodeUuid, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Best effort: what is left here is removed with the cluster's resource group anyway.</summary>
    private async Task RemoveNetworkAsync(AzureSession session, AzureClusterScope scope, Guid nodeUuid, CancellationToken cancellationToken)
    {
        try
        {
            await AzureNodeNetwork.DeleteAsync(session, scope, nodeUuid, options.NetworkPollInterval, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AzureErrors.IsAzureFailure(ex))
        {
            LogCleanupFailed(logger, nodeUuid, AzureErrors.Describe(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure node {NodeUuid}: VM {VmId} started")]
    private static partial void LogStarted(ILogger logger, Guid nodeUuid, string vmId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure node {NodeUuid}: VM {VmId} exists already; not made again")]
    private static partial void LogAlreadyExists(ILogger logger, Guid nodeUuid, string vmId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure node {NodeUuid}: could not remove the NIC and public IP of a refused VM: {Reason}")]
    private static partial void LogCleanupFailed(ILogger logger, Guid nodeUuid, string reason);
}
