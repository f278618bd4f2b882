using System.Text;

namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// The deterministic names of what a cluster's nodes are made of. Derived from the cluster's and node's ids, they make
/// creation idempotent: a retried or replayed activity PUTs the same resources and finds the same VM.
/// </summary>
public static class AzureNames
{
    public const string ClusterTag = "functionscloud:cluster";
    public const string NodeTag = "functionscloud:node";
    public const string VirtualNetwork = "vnet-functionscloud";
    public const string Subnet = "nodes";
    public const string NetworkSecurityGroup = "nsg-functionscloud";
    public const string IpConfiguration = "ipconfig1";

    private const string ResourceGroupPrefix = "functionscloud-";
    private const int ResourceGroupMaxLength = 90;
    private const int ClusterDigits = 8;

    /// <summary><c>functionscloud-&lt;cluster name&gt;-&lt;first 8 hex digits of the cluster uuid&gt;</c>, at most 90 characters.</summary>
    public static string ResourceGroup(string clusterName, Guid clusterUuid)
    {
        var room = ResourceGroupMaxLength - ResourceGroupPrefix.Length - 1 - ClusterDigits;
        var name = Sanitize(clusterName, room);
        return $"{ResourceGroupPrefix}{(name.Length == 0 ? "cluster" : name)}-{clusterUuid.ToString("N")[..ClusterDigits]}";
    }

    public static string VirtualMachine(Guid nodeUuid) => $"vm-{nodeUuid:D}";

    /// <summary>The VM's host name: its resource name, 39 characters (Linux allows 64; the 15-character limit is Windows').</summary>
    public static string ComputerName(Guid nodeUuid) => VirtualMachine(nodeUuid);

    public static string NetworkInterface(Guid nodeUuid) => $"nic-{nodeUuid:D}";

    public static string PublicIp(Guid nodeUuid) => $"pip-{nodeUuid:D}";

    public static string OsDisk(Guid nodeUuid) => $"osdisk-{nodeUuid:D}";

    /// <summary>Lowercase letters, digits, '.', '_' and '-' kept (what resource group names allow), every other run made one hyphen.</summary>
    private static string Sanitize(string name, int maxLength)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var text = builder.ToString();
        return (text.Length > maxLength ? text[..maxLength] : text).Trim('-', '.');
    }
}
