using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;
using System.Text.Json.Serialization;

namespace FunctionsCloud.Application.Users;

/// <summary>
/// Who the caller's key stands for now: the user, the namespace it acts in, the role it acts with there (the lower of
/// the key's and the user's), and whether the user administers the installation. Clients shape what they offer by it.
/// </summary>
public sealed record MeResource(
    string Username, string ResourceUri, string Namespace, string Role, [property: JsonPropertyName("is_admin")] bool IsInstallationAdmin, string? ApiKeyLabel, DateTimeOffset? ApiKeyExpiresDatetime)
{
    public static MeResource From(Caller caller) => new(
        caller.User, Uris.Me, caller.Namespace, ApiNames.Of(caller.Role), caller.IsInstallationAdmin && caller.Role == Domain.Accounts.Role.Admin,
        caller.KeyLabel, caller.KeyExpiresAt);
}
