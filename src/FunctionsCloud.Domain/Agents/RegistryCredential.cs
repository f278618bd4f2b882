using System.Text.Json.Serialization;

namespace FunctionsCloud.Domain.Agents;

/// <summary>
/// What an agent pulls a private image with: the credentials registered for the image's repository, handed out for
/// one pull and never kept. Its text form leaves the password out, so a log line can never hold it.
/// </summary>
public sealed record RegistryCredential(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("serveraddress")] string ServerAddress)
{
    public override string ToString() => $"credentials of {Username} for {ServerAddress}";
}
