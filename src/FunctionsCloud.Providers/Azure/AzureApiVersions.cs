using Azure.Core;
using Azure.ResourceManager;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// The Microsoft.Network resources are made as generic ARM resources (the Network SDK is not used), so their api-version is
/// chosen here; set on the client, it also spares the SDK a lookup of the provider's versions before each call.
/// </summary>
public static class AzureApiVersions
{
    public const string Network = "2024-05-01";

    public static readonly ResourceType PublicIpAddresses = new("Microsoft.Network/publicIPAddresses");
    public static readonly ResourceType NetworkInterfaces = new("Microsoft.Network/networkInterfaces");
    public static readonly ResourceType NetworkSecurityGroups = new("Microsoft.Network/networkSecurityGroups");
    public static readonly ResourceType VirtualNetworks = new("Microsoft.Network/virtualNetworks");

    public static void Apply(ArmClientOptions options)
    {
        foreach (var type in (ResourceType[])[PublicIpAddresses, NetworkInterfaces, NetworkSecurityGroups, VirtualNetworks])
        {
            options.SetApiVersion(type, Network);
        }
    }
}
