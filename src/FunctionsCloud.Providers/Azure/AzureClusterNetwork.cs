using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// Makes sure a cluster's resource group, network security group and virtual network exist. The group's PUT is synchronous;
/// the two network resources are made once per cluster and waited for (seconds), since every NIC refers to the subnet.
/// Later batches and replays find them and PUT nothing (a PUT would make the network busy while other batches use it).
/// </summary>
public sealed class AzureClusterNetwork(AzureProviderOptions options)
{
    public async Task EnsureAsync(AzureSession session, AzureClusterScope scope, AzureLocation location, Guid clusterUuid, CancellationToken cancellationToken)
    {
        await EnsureResourceGroupAsync(session, scope, location, clusterUuid, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(session, scope.NetworkSecurityGroup,
            () => AzureNetworkResources.NetworkSecurityGroup(location, clusterUuid, options.OpenInboundPorts), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(session, scope.VirtualNetwork,
            () => AzureNetworkResources.VirtualNetwork(location, clusterUuid, scope.NetworkSecurityGroup), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tagged with the cluster's uuid, which is how a cluster's group is found again from the uuid alone.</summary>
    private static async Task EnsureResourceGroupAsync(AzureSession session, AzureClusterScope scope, AzureLocation location, Guid clusterUuid, CancellationToken cancellationToken)
    {
        var data = new ResourceGroupData(location);
        foreach (var (key, value) in AzureNetworkResources.ClusterTags(clusterUuid))
        {
            data.Tags[key] = value;
        }

        await session.Subscription.GetResourceGroups()
            .CreateOrUpdateAsync(WaitUntil.Completed, scope.ResourceGroupName, data, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureAsync(AzureSession session, ResourceIdentifier id, Func<GenericResourceData> data, CancellationToken cancellationToken)
    {
        var found = await AzureGenericResources.FindAsync(session, id, cancellationToken).ConfigureAwait(false);
        if (found is null || string.Equals(AzureGenericResources.ProvisioningStateOf(found), "Failed", StringComparison.OrdinalIgnoreCase))
        {
            await AzureGenericResources.PutAndWaitAsync(session, id, data(), options.NetworkPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
