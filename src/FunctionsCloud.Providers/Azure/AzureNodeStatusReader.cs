using Azure.ResourceManager.Compute;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// Where a node's VM stands, from its provisioningState: Creating or Updating is Pending, Succeeded is Running (with the
/// public IP), Failed or Canceled is Failed with Azure's reason from the instance view (e.g. AllocationFailed), and a VM
/// that is gone or being deleted is Gone. This is how the orchestration awaits the VM's creation, between durable timers.
/// </summary>
public static class AzureNodeStatusReader
{
    private const string FailedStatusPrefix = "ProvisioningState/failed";

    public static async Task<NodeStatus> DescribeAsync(AzureSession session, ProvisionedNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (AzureVirtualMachines.ParseProviderId(node.ProviderId) is not { } vmId)
        {
            return new NodeStatus(node.NodeUuid, NodeProvisioning.Gone, node.ProviderId);
        }

        var vm = await AzureVirtualMachines.FindAsync(session, vmId, instanceView: true, cancellationToken).ConfigureAwait(false);
        if (vm is null)
        {
            return new NodeStatus(node.NodeUuid, NodeProvisioning.Gone, node.ProviderId);
        }

        return vm.Data.ProvisioningState switch
        {
            "Succeeded" => new NodeStatus(node.NodeUuid, NodeProvisioning.Running, node.ProviderId,
                await PublicIpAsync(session, AzureClusterScope.Of(vmId), node.NodeUuid, cancellationToken).ConfigureAwait(false)),
            "Failed" or "Canceled" => new NodeStatus(node.NodeUuid, NodeProvisioning.Failed, node.ProviderId, Error: FailureOf(vm)),
            "Deleting" => new NodeStatus(node.NodeUuid, NodeProvisioning.Gone, node.ProviderId),
            _ => new NodeStatus(node.NodeUuid, NodeProvisioning.Pending, node.ProviderId),
        };
    }

    private static async Task<string?> PublicIpAsync(AzureSession session, AzureClusterScope scope, Guid nodeUuid, CancellationToken cancellationToken) =>
        AzureGenericResources.IpAddressOf(await AzureGenericResources.FindAsync(session, scope.PublicIp(nodeUuid), cancellationToken).ConfigureAwait(false));

    /// <summary>The instance view's failed provisioning status, e.g. <c>AllocationFailed: Allocation failed. ...</c>.</summary>
    private static string FailureOf(VirtualMachineResource vm)
    {
        var failed = vm.Data.InstanceView?.Statuses.FirstOrDefault(s => s.Code?.StartsWith(FailedStatusPrefix, StringComparison.OrdinalIgnoreCase) == true);
        if (failed is null)
        {
            return $"The Azure VM {vm.Data.Name} ended {vm.Data.ProvisioningState}.";
        }

        var code = failed.Code!.Length > FailedStatusPrefix.Length + 1 ? failed.Code[(FailedStatusPrefix.Length + 1)..] : null;
        var message = failed.Message ?? failed.DisplayStatus ?? "Provisioning failed.";
        return code is null ? message : $"{code}: {message}";
    }
}
