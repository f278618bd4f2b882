using System.Buffers.Binary;
using FunctionsCloud.Providers.Azure;

namespace FunctionsCloud.Providers.Tests.Azure;

public sealed class AzureNamesTests
{
    private static readonly Guid Cluster = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    [Theory]
    [InlineData("web", "functionscloud-web-0a1b2c3d")]
    [InlineData("Web Prod!", "functionscloud-web-prod-0a1b2c3d")]
    [InlineData("a.b_c-d", "functionscloud-a.b_c-d-0a1b2c3d")]
    [InlineData("***", "functionscloud-cluster-0a1b2c3d")]
    public void The_resource_group_is_named_after_the_cluster(string clusterName, string expected) =>
        Assert.Equal(expected, AzureNames.ResourceGroup(clusterName, Cluster));

    [Fact]
    public void The_resource_group_name_fits_azures_limit()
    {
        var name = AzureNames.ResourceGroup(new string('x', 200), Cluster);

        Assert.Equal(90, name.Length);
        Assert.EndsWith("-0a1b2c3d", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_resources_are_named_after_the_node()
    {
        var node = Guid.NewGuid();

        Assert.Equal($"vm-{node:D}", AzureNames.VirtualMachine(node));
        Assert.Equal($"nic-{node:D}", AzureNames.NetworkInterface(node));
        Assert.Equal($"pip-{node:D}", AzureNames.PublicIp(node));
        Assert.True(AzureNames.ComputerName(node).Length <= 64);
    }

    [Fact]
    public void The_throwaway_ssh_key_is_an_openssh_rsa_public_key()
    {
        var parts = ThrowawaySshKey.Create().Split(' ');

        Assert.Equal("ssh-rsa", parts[0]);
        var blob = Convert.FromBase64String(parts[1]);
        var algorithmLength = BinaryPrimitives.ReadInt32BigEndian(blob);
        Assert.Equal("ssh-rsa", System.Text.Encoding.ASCII.GetString(blob, 4, algorithmLength));
        Assert.True(blob.Length > 384); // a 3072-bit modulus
        Assert.NotEqual(ThrowawaySshKey.Create(), ThrowawaySshKey.Create());
    }

    [Fact]
    public void A_provider_id_is_taken_only_when_it_is_a_vm_id()
    {
        Assert.NotNull(AzureVirtualMachines.ParseProviderId("/subscriptions/6b7e9c1a-0c4f-4a53-9a7e-3f1b2c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1"));
        Assert.Null(AzureVirtualMachines.ParseProviderId("/subscriptions/6b7e9c1a-0c4f-4a53-9a7e-3f1b2c4d5e6f/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-1"));
        Assert.Null(AzureVirtualMachines.ParseProviderId("i-0123456789abcdef0"));
        Assert.Null(AzureVirtualMachines.ParseProviderId(null));
    }
}
