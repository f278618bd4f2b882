using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Domain.Accounts;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;
using System.Text.Json.Serialization;

namespace FunctionsCloud.Application.Users;

/// <summary>A user as the API shows it. <see cref="ApiKey"/>, the user's first key, appears once: in the answer that creates the user.</summary>
public sealed record UserResource(
    string Username, string ResourceUri, string? Email, string? FullName, [property: JsonPropertyName("is_admin")] bool IsInstallationAdmin, bool IsActive, DateTimeOffset CreatedDatetime, ApiKeyResource? ApiKey)
{
    public static UserResource From(UserAccount user, ApiKeyResource? firstKey = null) =>
        new(user.Name, Uris.User(user.Name), user.Email, user.FullName, user.IsInstallationAdmin, user.IsActive, user.CreatedAt, firstKey);
}
