using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Accounts;

/// <summary>Whether a provider account is linked, and with which fields: never the credentials.</summary>
public sealed record ProviderAccountResource(string ResourceUri, string Provider, bool Linked, IReadOnlyList<string> Fields, DateTimeOffset? LinkedAt, string? LinkedBy)
{
    public static ProviderAccountResource Unlinked(string provider) => new(Uris.ProviderAccount(provider), Uris.Provider(provider), false, [], null, null);
}
