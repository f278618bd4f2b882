using System.Collections;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>A per-invocation feature bag, as the worker keeps one; middleware may store its own features here.</summary>
public sealed class LocalInvocationFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

    public void Set<T>(T instance)
    {
        if (instance is null)
            _features.Remove(typeof(T));
        else
            _features[typeof(T)] = instance;
    }

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
