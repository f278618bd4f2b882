using FunctionsCloud.Domain.Catalog;
using FunctionsCloud.Providers.Contract;
using static FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Catalog;

/// <summary>
/// The catalog as this deployment offers it: a provider is available when the catalog allows it and a
/// provider implementation with its credentials is configured here.
/// </summary>
public sealed class CatalogView(ProviderCatalog catalog, NodeProviderRegistry providers)
{
    public const string NotLinked = "No account of this provider is linked to this deployment.";

    public ProviderCatalog Catalog => catalog;

    public string? UnavailableReason(string provider) =>
        catalog.FindProvider(provider) is not { } p ? $"Unknown provider '{provider}'."
        : p.UnavailableReason ?? (providers.IsConfigured(provider) ? null : NotLinked);

    public IEnumerable<ProviderResource> Providers() => catalog.Providers.Select(ToResource);

    public IEnumerable<RegionResource> Regions() => catalog.Regions.Select(ToResource);

    public IEnumerable<NodeTypeResource> NodeTypes() => catalog.NodeTypes.Select(ToResource);

    public ProviderResource? FindProvider(string name) => catalog.FindProvider(name) is { } p ? ToResource(p) : null;

    public RegionResource? FindRegion(string provider, string name) => catalog.FindRegion(provider, name) is { } r ? ToResource(r) : null;

    public NodeTypeResource? FindNodeType(string provider, string name) => catalog.FindNodeType(provider, name) is { } t ? ToResource(t) : null;

    private ProviderResource ToResource(CloudProvider p) => new(
        p.Name, p.Label, Provider(p.Name), p.Regions.Select(r => Region(p.Name, r.Name)).ToList(),
        UnavailableReason(p.Name) is null, UnavailableReason(p.Name));

    private RegionResource ToResource(Region r) => new(
        r.Name, r.Label, Region(r.Provider, r.Name), Provider(r.Provider),
        r.NodeTypes.Select(t => NodeType(r.Provider, t)).ToList(),
        r.AvailabilityZones.Select(z => AvailabilityZone(r.Provider, z)).ToList(),
        UnavailableReason(r.Provider) is null);

    private NodeTypeResource ToResource(NodeType t) => new(
        t.Name, t.Label, NodeType(t.Provider, t.Name), Provider(t.Provider),
        t.Regions.Select(r => Region(t.Provider, r)).ToList(),
        catalog.FindProvider(t.Provider)!.Regions.SelectMany(r => r.AvailabilityZones).Select(z => AvailabilityZone(t.Provider, z)).ToList(),
        t.Cpu, t.MemoryGb, UnavailableReason(t.Provider) is null);

    public static readonly IReadOnlyDictionary<string, Func<ProviderResource, string?>> ProviderFields = new Dictionary<string, Func<ProviderResource, string?>>
    {
        ["name"] = p => p.Name,
        ["available"] = p => p.Available ? "true" : "false",
    };

    public static readonly IReadOnlyDictionary<string, Func<RegionResource, string?>> RegionFields = new Dictionary<string, Func<RegionResource, string?>>
    {
        ["name"] = r => r.Name,
        ["provider"] = r => r.Provider,
        ["available"] = r => r.Available ? "true" : "false",
    };

    public static readonly IReadOnlyDictionary<string, Func<NodeTypeResource, string?>> NodeTypeFields = new Dictionary<string, Func<NodeTypeResource, string?>>
    {
        ["name"] = t => t.Name,
        ["provider"] = t => t.Provider,
        ["available"] = t => t.Available ? "true" : "false",
    };
}
