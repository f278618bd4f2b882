using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.ApiKeys;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.ApiKeys;

/// <summary>An API key as the API shows it. <see cref="Key"/> appears once, in the answer that creates it.</summary>
public sealed record ApiKeyResource(
    Guid Uuid,
    string ResourceUri,
    string Label,
    string Role,
    string Namespace,
    DateTimeOffset CreatedDatetime,
    DateTimeOffset? LastUsedDatetime,
    DateTimeOffset? ExpiresDatetime,
    string? Key)
{
    public static ApiKeyResource From(ApiKeyRecord key, string? secret = null) => new(
        key.Uuid, Uris.ApiKey(key.Uuid), key.Label, ApiNames.Of(key.Role), key.Namespace, key.CreatedAt, key.LastUsedAt, key.ExpiresAt, secret);
}
