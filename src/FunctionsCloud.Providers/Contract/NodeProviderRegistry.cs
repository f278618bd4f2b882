namespace FunctionsCloud.Providers.Contract;

/// <summary>The providers this deployment can use, by catalog name.</summary>
public sealed class NodeProviderRegistry(IEnumerable<INodeProvider> providers)
{
    private readonly Dictionary<string, INodeProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public bool IsConfigured(string name) => _providers.ContainsKey(name);

    public INodeProvider Get(string name) =>
        _providers.TryGetValue(name, out var provider)
            ? provider
            : throw new InvalidOperationException($"Provider '{name}' is not configured in this deployment.");
}
