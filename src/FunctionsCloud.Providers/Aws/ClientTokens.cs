using System.Security.Cryptography;
using System.Text;

namespace FunctionsCloud.Providers.Aws;

/// <summary>
/// EC2's idempotency token for one RunInstances call: the same nodes in the same target always give the same
/// token, so a retried or replayed activity gets the original reservation back instead of new instances.
/// </summary>
internal static class ClientTokens
{
    /// <summary>64 lowercase hex characters (SHA-256), EC2's maximum length.</summary>
    public static string For(LaunchTarget target, IEnumerable<Guid> nodeIds)
    {
        var canonical = $"functionscloud/run-instances/v1|{target.Key}|{string.Join(",", nodeIds.Order().Select(id => id.ToString("D")))}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
