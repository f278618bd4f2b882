using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Tokens;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Tokens;

/// <summary>A registration token as the API shows it. <see cref="Token"/> and <see cref="Command"/> appear once, in the answer that creates it.</summary>
public sealed record RegistrationTokenResource(
    Guid Uuid,
    string ResourceUri,
    string State,
    int Uses,
    int UsesLeft,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<TagResource> Tags,
    DateTimeOffset CreatedDatetime,
    string? Token,
    string? Command)
{
    public static RegistrationTokenResource From(RegistrationToken token, DateTimeOffset now, string? secret = null, string? command = null) => new(
        token.Uuid, Uris.RegistrationToken(token.Uuid), token.StateAt(now).ToString(), token.MaxUses, token.UsesLeft, token.ExpiresAt,
        TagResource.From(token.Tags), token.CreatedDatetime, secret, command);
}
