using FunctionsCloud.Application.ApiKeys;
using FunctionsCloud.Domain.Accounts;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Users;

/// <summary>A user as the API shows it. <see cref="ApiKey"/>, the user's first key, appears once: in the answer that creates the user.</summary>
public sealed record UserResource(
    string Username, string ResourceUri, string? Email, string? FullName, bool IsAdmin, bool IsActive, DateTimeOffset CreatedDatetime, ApiKeyResource? ApiKey)
{
    public static UserResource From(UserAccount user, ApiKeyResource? firstKey = null) =>
        new(user.Name, Uris.User(user.Name), user.Email, user.FullName, user.IsAdmin, user.IsActive, user.CreatedAt, firstKey);
}
