using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;

namespace FunctionsCloud.Providers.Azure;

/// <summary>The VMs of a cluster through Azure.ResourceManager.Compute, and a node's provider id (the VM's ARM id).</summary>
public static class AzureVirtualMachines
{
    public static VirtualMachineCollection In(AzureSession session, AzureClusterScope scope) =>
        session.Arm.GetResourceGroupResource(scope.ResourceGroupId).GetVirtualMachines();

    /// <summary>The VM (with its instance view when asked, which carries a failure's reason), or null when there is none.</summary>
    public static async Task<VirtualMachineResource?> FindAsync(AzureSession session, ResourceIdentifier id, bool instanceView, CancellationToken cancellationToken)
    {
        try
        {
            var expand = instanceView ? InstanceViewType.InstanceView : (InstanceViewType?)null;
            return await session.Arm.GetVirtualMachineResource(id).GetAsync(expand, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (AzureErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>A node's provider id as a VM id, or null when it is missing or not a VM's.</summary>
    public static ResourceIdentifier? ParseProviderId(string? providerId) =>
        providerId is not null && ResourceIdentifier.TryParse(providerId, out var id) && id is not null
            && id.ResourceType == VirtualMachineResource.ResourceType && id.ResourceGroupName is not null
            ? id
            : null;
}
