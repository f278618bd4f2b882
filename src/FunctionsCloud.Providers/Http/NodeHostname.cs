using System.Text;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Http;

/// <summary>
/// The machine name of a node: <c>fc-&lt;cluster name&gt;-&lt;first 12 hex digits of the node uuid&gt;</c>, a valid
/// hostname label (lowercase letters, digits, hyphens; at most 63 characters). Being derived from the node id, it is
/// what makes creation idempotent: a retried or replayed activity finds the machine by name and makes no second one.
/// </summary>
public static class NodeHostname
{
    private const int MaxLabelLength = 63;
    private const int NodeDigits = 12;
    private const string Prefix = "fc-";

    /// <summary>The host name of a node being created, after its cluster.</summary>
    public static string For(NodeCreationRequest request, NodeToCreate node) => For(request.ClusterName, node.NodeUuid);

    public static string For(string clusterName, Guid nodeUuid)
    {
        var node = nodeUuid.ToString("N")[..NodeDigits];
        var room = MaxLabelLength - Prefix.Length - 1 - NodeDigits;
        var cluster = Sanitize(clusterName, room);
        return $"{Prefix}{(cluster.Length == 0 ? "node" : cluster)}-{node}";
    }

    /// <summary>Lowercase letters and digits kept, every other run of characters made one hyphen, trimmed to fit.</summary>
    private static string Sanitize(string name, int maxLength)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var text = builder.ToString();
        return (text.Length > maxLength ? text[..maxLength] : text).Trim('-');
    }
}
