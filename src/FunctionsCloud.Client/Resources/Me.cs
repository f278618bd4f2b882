using System.Text.Json.Serialization;

namespace FunctionsCloud.Client.Resources;

/// <summary>Who the client's key stands for: the user, the namespace it acts in and the role it acts with there.</summary>
/// <param name="Role">read-only, operator or admin: the lower of the key's and the user's current role.</param>
/// <param name="IsInstallationAdmin">Whether the key may act as an administrator of the installation (make users and organizations).</param>
public sealed record Me(
    string Username, string ResourceUri, string Namespace, string Role, [property: JsonPropertyName("is_admin")] bool IsInstallationAdmin, string? ApiKeyLabel, DateTimeOffset? ApiKeyExpiresDatetime);
