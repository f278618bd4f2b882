using FunctionsCloud.Domain.Catalog;
using FunctionsCloud.Providers.Contract;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Catalog;

/// <summary>
/// Which providers one namespace can deploy on: the catalog must allow it, this deployment must run it,
/// and a cloud needs the namespace's linked account.
/// </summary>
public sealed class ProviderAvailability(ProviderCatalog catalog, NodeProviderRegistry providers, IReadOnlySet<string> linked)
{
    public const string NotOffered = "This deployment does not offer this provider.";

    public string? ReasonFor(string provider) =>
        catalog.FindProvider(provider) is not { } known ? $"Unknown provider '{provider}'."
        : known.UnavailableReason is { } reason ? reason
        : !providers.IsConfigured(provider) ? NotOffered
        : providers.Get(provider).NeedsAccount && !linked.Contains(provider)
            ? $"No {known.Label} account is linked to this namespace: link one with PUT {Uris.ProviderAccount(provider)}."
            : null;

    public bool IsAvailable(string provider) => ReasonFor(provider) is null;
}
