using System.Text;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// The VM of one node: the cluster's size and disk, the configured Linux image, cloud-init custom data that runs the same
/// install script as a host brought by hand, SSH key only, and its NIC and OS disk set to be deleted with it.
/// </summary>
public static class AzureVirtualMachineSpec
{
    public static VirtualMachineData For(
        NodeCreationRequest request, NodeToCreate node, AzureLocation location, ResourceIdentifier networkInterfaceId, AzureProviderOptions options, string sshPublicKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        var data = new VirtualMachineData(location)
        {
            HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(request.NodeType) },
            StorageProfile = Storage(request.DiskGb, node.NodeUuid, options),
            OSProfile = OperatingSystem(node, options, sshPublicKey),
            NetworkProfile = new VirtualMachineNetworkProfile(),
        };
        data.NetworkProfile.NetworkInterfaces.Add(new VirtualMachineNetworkInterfaceReference
        {
            Id = networkInterfaceId,
            Primary = true,
            DeleteOption = ComputeDeleteOption.Delete,
        });
        foreach (var (key, value) in AzureNetworkResources.NodeTags(request.ClusterUuid, node.NodeUuid))
        {
            data.Tags[key] = value;
        }

        return data;
    }

    /// <summary>What cloud-init reads from custom data: the node's user data, base64-encoded as ARM wants it.</summary>
    public static string CustomData(AgentBootstrap bootstrap) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CloudInit.UserData(bootstrap)));

    private static VirtualMachineStorageProfile Storage(int diskGb, Guid nodeUuid, AzureProviderOptions options) => new()
    {
        ImageReference = new ImageReference
        {
            Publisher = options.Image.Publisher,
            Offer = options.Image.Offer,
            Sku = options.Image.Sku,
            Version = options.Image.Version,
        },
        OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.FromImage)
        {
            Name = AzureNames.OsDisk(nodeUuid),
            DiskSizeGB = diskGb,
            Caching = CachingType.ReadWrite,
            ManagedDisk = new VirtualMachineManagedDisk { StorageAccountType = new StorageAccountType(options.OsDiskType) },
            DeleteOption = DiskDeleteOptionType.Delete,
        },
    };

    private static VirtualMachineOSProfile OperatingSystem(NodeToCreate node, AzureProviderOptions options, string sshPublicKey)
    {
        var linux = new LinuxConfiguration { DisablePasswordAuthentication = true, ProvisionVmAgent = true };
        linux.SshPublicKeys.Add(new SshPublicKeyConfiguration
        {
            Path = $"/home/{options.AdminUsername}/.ssh/authorized_keys",
            KeyData = sshPublicKey,
        });
        return new VirtualMachineOSProfile
        {
            ComputerName = AzureNames.ComputerName(node.NodeUuid),
            AdminUsername = options.AdminUsername,
            CustomData = CustomData(node.Bootstrap),
            LinuxConfiguration = linux,
        };
    }
}
