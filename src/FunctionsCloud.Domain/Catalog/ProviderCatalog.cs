using System.Collections.Frozen;

namespace FunctionsCloud.Domain.Catalog;

/// <summary>The read-only catalog of providers, their regions and node types.</summary>
public sealed class ProviderCatalog
{
    private readonly FrozenDictionary<string, CloudProvider> _providers;
    private readonly FrozenDictionary<(string, string), NodeType> _nodeTypes;

    public ProviderCatalog(IEnumerable<CloudProvider> providers, IEnumerable<NodeType> nodeTypes)
    {
        Providers = providers.ToList();
        NodeTypes = nodeTypes.ToList();
        _providers = Providers.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        _nodeTypes = NodeTypes.ToFrozenDictionary(t => (t.Provider, t.Name));
    }

    public IReadOnlyList<CloudProvider> Providers { get; }
    public IReadOnlyList<Region> Regions => Providers.SelectMany(p => p.Regions).ToList();
    public IReadOnlyList<NodeType> NodeTypes { get; }

    public CloudProvider? FindProvider(string name) => _providers.GetValueOrDefault(name);

    public Region? FindRegion(string provider, string name) =>
        FindProvider(provider)?.Regions.FirstOrDefault(r => r.Name == name);

    public NodeType? FindNodeType(string provider, string name) => _nodeTypes.GetValueOrDefault((provider, name));

    public static ProviderCatalog Default { get; } = DefaultCatalog.Build();
}
