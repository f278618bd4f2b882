using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;

namespace FunctionsCloud.Providers.Azure;

/// <summary>Where one cluster's resources live: a subscription and the cluster's resource group. Builds their ARM ids.</summary>
public sealed record AzureClusterScope(string SubscriptionId, string ResourceGroupName)
{
    private const string NetworkNamespace = "Microsoft.Network";

    public static AzureClusterScope For(string subscriptionId, string clusterName, Guid clusterUuid) =>
        new(subscriptionId, AzureNames.ResourceGroup(clusterName, clusterUuid));

    /// <summary>The scope of a VM id (a node's provider id).</summary>
    public static AzureClusterScope Of(ResourceIdentifier virtualMachineId) =>
        new(virtualMachineId.SubscriptionId ?? throw new ArgumentException("Not a resource group resource.", nameof(virtualMachineId)),
            virtualMachineId.ResourceGroupName ?? throw new ArgumentException("Not a resource group resource.", nameof(virtualMachineId)));

    public ResourceIdentifier ResourceGroupId => ResourceGroupResource.CreateResourceIdentifier(SubscriptionId, ResourceGroupName);

    public ResourceIdentifier VirtualMachine(Guid nodeUuid) =>
        VirtualMachineResource.CreateResourceIdentifier(SubscriptionId, ResourceGroupName, AzureNames.VirtualMachine(nodeUuid));

    public ResourceIdentifier PublicIp(Guid nodeUuid) => Network(AzureApiVersions.PublicIpAddresses, AzureNames.PublicIp(nodeUuid));

    public ResourceIdentifier NetworkInterface(Guid nodeUuid) => Network(AzureApiVersions.NetworkInterfaces, AzureNames.NetworkInterface(nodeUuid));

    public ResourceIdentifier NetworkSecurityGroup => Network(AzureApiVersions.NetworkSecurityGroups, AzureNames.NetworkSecurityGroup);

    public ResourceIdentifier VirtualNetwork => Network(AzureApiVersions.VirtualNetworks, AzureNames.VirtualNetwork);

    public ResourceIdentifier Subnet => VirtualNetwork.AppendChildResource("subnets", AzureNames.Subnet);

    private ResourceIdentifier Network(ResourceType type, string name) =>
        ResourceGroupId.AppendProviderResource(NetworkNamespace, type.Type, name);
}
