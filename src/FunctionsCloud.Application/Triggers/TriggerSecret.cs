using System.Buffers.Text;
using System.Security.Cryptography;
using FunctionsCloud.Application.Authentication;

namespace FunctionsCloud.Application.Triggers;

/// <summary>
/// The secret in a trigger's URL: 256 random bits, base64url, after a prefix that says what it is. Like API keys it
/// is stored as a plain SHA-256 (<see cref="ApiKeyHasher"/>): nothing to brute-force, and found by its hash.
/// </summary>
public static class TriggerSecret
{
    public const string Prefix = "fctr_";
    private const int SecretBytes = 32;
    private static readonly int EncodedLength = Base64Url.GetEncodedLength(SecretBytes);

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Whether the text could be a secret this app made: anything else names no trigger.</summary>
    public static bool IsWellFormed(string? text) =>
        text is not null && text.Length == Prefix.Length + EncodedLength && text.StartsWith(Prefix, StringComparison.Ordinal)
        && Base64Url.IsValid(text.AsSpan(Prefix.Length), out var decoded) && decoded == SecretBytes;

    public static string Hash(string secret) => ApiKeyHasher.Hash(secret);
}
