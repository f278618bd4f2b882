using FunctionsCloud.Domain.Catalog;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Storage.Accounts;
using static FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Catalog;

/// <summary>
/// The catalog as one namespace sees it: each provider, region and node type says whether that namespace
/// can deploy there (<see cref="ProviderAvailability"/>).
/// </summary>
public sealed class CatalogView(ProviderCatalog catalog, NodeProviderRegistry providers, IProviderAccountStore accounts)
{
    public ProviderCatalog Catalog => catalog;

    public async Task<ProviderAvailability> AvailabilityAsync(string @namespace, CancellationToken cancellationToken)
    {
        var linked = (await accounts.ListAsync(@namespace, cancellationToken)).Select(a => a.Provider).ToHashSet(StringComparer.Ordinal);
        return new ProviderAvailability(catalog, providers, linked);
    }

    public IEnumerable<ProviderResource> Providers(ProviderAvailability availability) => catalog.Providers.Select(p => ToResource(p, availability));

    public IEnumerable<RegionResource> Regions(ProviderAvailability availability) => catalog.Regions.Select(r => ToResource(r, availability));

    public IEnumerable<NodeTypeResource> NodeTypes(ProviderAvailability availability) => catalog.NodeTypes.Select(t => ToResource(t, availability));

    public IEnumerable<AvailabilityZoneResource> AvailabilityZones(ProviderAvailability availability) =>
        catalog.Regions.SelectMany(r => r.AvailabilityZones.Select(z => ToResource(r, z, availability)));

    public AvailabilityZoneResource? FindAvailabilityZone(string provider, string name, ProviderAvailability availability) =>
        AvailabilityZones(availability).FirstOrDefault(z => z.Provider == Provider(provider) && z.Name == name);

    public ProviderResource? FindProvider(string name, ProviderAvailability availability) =>
        catalog.FindProvider(name) is { } p ? ToResource(p, availability) : null;

    public RegionResource? FindRegion(string provider, string name, ProviderAvailability availability) =>
        catalog.FindRegion(provider, name) is { } r ? ToResource(r, availability) : null;

    public NodeTypeResource? FindNodeType(string provider, string name, ProviderAvailability availability) =>
        catalog.FindNodeType(provider, name) is { } t ? ToResource(t, availability) : null;

    private static ProviderResource ToResource(CloudProvider p, ProviderAvailability availability) => new(
        p.Name, p.Label, Provider(p.Name), p.Regions.Select(r => Region(p.Name, r.Name)).ToList(),
        availability.IsAvailable(p.Name), availability.ReasonFor(p.Name));

    private static RegionResource ToResource(Region r, ProviderAvailability availability) => new(
        r.Name, r.Label, Region(r.Provider, r.Name), Provider(r.Provider),
        r.NodeTypes.Select(t => NodeType(r.Provider, t)).ToList(),
        r.AvailabilityZones.Select(z => AvailabilityZone(r.Provider, z)).ToList(),
        availability.IsAvailable(r.Provider));

    private static AvailabilityZoneResource ToResource(Region r, string zone, ProviderAvailability availability) => new(
        zone, AvailabilityZone(r.Provider, zone), Region(r.Provider, r.Name), Provider(r.Provider), availability.IsAvailable(r.Provider));

    private NodeTypeResource ToResource(NodeType t, ProviderAvailability availability) => new(
        t.Name, t.Label, NodeType(t.Provider, t.Name), Provider(t.Provider),
        t.Regions.Select(r => Region(t.Provider, r)).ToList(),
        catalog.FindProvider(t.Provider)!.Regions.SelectMany(r => r.AvailabilityZones).Select(z => AvailabilityZone(t.Provider, z)).ToList(),
        t.Cpu, t.MemoryGb, availability.IsAvailable(t.Provider));

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

    /// <summary>Docker Cloud's clients filter zones by region, as its resource URI.</summary>
    public static readonly IReadOnlyDictionary<string, Func<AvailabilityZoneResource, string?>> AvailabilityZoneFields = new Dictionary<string, Func<AvailabilityZoneResource, string?>>
    {
        ["name"] = z => z.Name,
        ["region"] = z => z.Region,
        ["provider"] = z => z.Provider,
        ["available"] = z => z.Available ? "true" : "false",
    };

    public static readonly IReadOnlyDictionary<string, Func<NodeTypeResource, string?>> NodeTypeFields = new Dictionary<string, Func<NodeTypeResource, string?>>
    {
        ["name"] = t => t.Name,
        ["provider"] = t => t.Provider,
        ["available"] = t => t.Available ? "true" : "false",
    };
}
