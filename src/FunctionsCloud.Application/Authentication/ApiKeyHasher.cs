using System.Security.Cryptography;
using System.Text;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// API keys are 256-bit random strings, so a plain SHA-256 is the right hash: nothing to brute-force,
/// and a lookup by hash needs no per-key salt.
/// </summary>
public static class ApiKeyHasher
{
    public static string Hash(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
