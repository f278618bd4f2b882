using Azure.Core;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// The ARM bodies of the network a cluster's nodes sit on, made as generic resources (Microsoft.Network JSON, api-version
/// <see cref="AzureApiVersions.Network"/>): one virtual network, subnet and security group per cluster, and per node a
/// static Standard public IP and a NIC.
/// </summary>
public static class AzureNetworkResources
{
    private const string VirtualNetworkPrefix = "10.0.0.0/16";
    private const string SubnetPrefix = "10.0.0.0/20";
    private const int FirstRulePriority = 1000;

    /// <summary>
    /// No inbound rule unless <paramref name="openInboundPorts"/> asks: the agent only calls out (Azure's default rules allow
    /// outbound and deny inbound from the internet). SSH stays closed; published container ports are opened by setting.
    /// </summary>
    public static GenericResourceData NetworkSecurityGroup(AzureLocation location, Guid clusterUuid, IEnumerable<string> openInboundPorts)
    {
        var rules = openInboundPorts.Select((ports, i) => new
        {
            name = $"allow-inbound-{i + 1}",
            properties = new
            {
                priority = FirstRulePriority + i,
                direction = "Inbound",
                access = "Allow",
                protocol = "*",
                sourceAddressPrefix = "Internet",
                sourcePortRange = "*",
                destinationAddressPrefix = "*",
                destinationPortRange = ports,
            },
        }).ToArray();
        return Data(location, ClusterTags(clusterUuid), new { securityRules = rules });
    }

    public static GenericResourceData VirtualNetwork(AzureLocation location, Guid clusterUuid, ResourceIdentifier networkSecurityGroupId) =>
        Data(location, ClusterTags(clusterUuid), new
        {
            addressSpace = new { addressPrefixes = new[] { VirtualNetworkPrefix } },
            subnets = new[]
            {
                new
                {
                    name = AzureNames.Subnet,
                    properties = new { addressPrefix = SubnetPrefix, networkSecurityGroup = new { id = networkSecurityGroupId.ToString() } },
                },
            },
        });

    /// <summary>Static, so its address is known once it is made; <c>deleteOption: Delete</c> so it goes with the VM.</summary>
    public static GenericResourceData PublicIp(AzureLocation location, Guid clusterUuid, Guid nodeUuid)
    {
        var data = Data(location, NodeTags(clusterUuid, nodeUuid), new
        {
            publicIPAllocationMethod = "Static",
            publicIPAddressVersion = "IPv4",
            deleteOption = "Delete",
        });
        data.Sku = new ResourcesSku { Name = "Standard", Tier = "Regional" };
        return data;
    }

    public static GenericResourceData NetworkInterface(AzureLocation location, Guid clusterUuid, Guid nodeUuid, ResourceIdentifier subnetId, ResourceIdentifier publicIpId) =>
        Data(location, NodeTags(clusterUuid, nodeUuid), new
        {
            ipConfigurations = new[]
            {
                new
                {
                    name = AzureNames.IpConfiguration,
                    properties = new
                    {
                        primary = true,
                        privateIPAllocationMethod = "Dynamic",
                        subnet = new { id = subnetId.ToString() },
                        publicIPAddress = new { id = publicIpId.ToString() },
                    },
                },
            },
        });

    public static Dictionary<string, string> ClusterTags(Guid clusterUuid) => new() { [AzureNames.ClusterTag] = clusterUuid.ToString("D") };

    public static Dictionary<string, string> NodeTags(Guid clusterUuid, Guid nodeUuid) => new()
    {
        [AzureNames.ClusterTag] = clusterUuid.ToString("D"),
        [AzureNames.NodeTag] = nodeUuid.ToString("D"),
    };

    private static GenericResourceData Data(AzureLocation location, Dictionary<string, string> tags, object properties)
    {
        var data = new GenericResourceData(location) { Properties = BinaryData.FromObjectAsJson(properties) };
        foreach (var (key, value) in tags)
        {
            data.Tags[key] = value;
        }

        return data;
    }
}
