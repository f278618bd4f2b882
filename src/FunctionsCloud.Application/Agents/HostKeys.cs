using System.Security.Cryptography;
using System.Text;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// The key an agent keeps from before its first registration attempt names its host: stored only as a hash, it lets
/// a retried registration (its answer lost) find the node it made, and tells another host replaying the token apart.
/// </summary>
public static class HostKeys
{
    public const int MinLength = 32;
    public const int MaxLength = 128;

    /// <summary>The hash of the request's host key, or null when the agent sent none (agents older than host keys).</summary>
    public static string? HashOf(string? hostKey)
    {
        if (hostKey is null)
            return null;
        new Validator().Require(hostKey.Length is >= MinLength and <= MaxLength && hostKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
            "host_key", $"must be {MinLength} to {MaxLength} characters of letters, digits, '-' and '_'.").ThrowIfInvalid();
        return ApiKeyHasher.Hash(hostKey);
    }

    public static bool Same(string? storedHash, string? hash) =>
        storedHash is not null && hash is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(hash));

    /// <summary>The node a host makes with a token of one's own hosts: the same for the same host and token, so that its retry finds it.</summary>
    public static Guid ByonNode(Guid token, string hostKeyHash)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"byon\n{token:D}\n{hostKeyHash}"));
        return Uuid4.From(new Guid(digest.AsSpan(0, 16), bigEndian: true));
    }
}
