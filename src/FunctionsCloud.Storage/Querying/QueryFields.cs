using System.Collections.Frozen;

namespace FunctionsCloud.Storage.Querying;

/// <summary>The API fields one store can filter on, each mapped to its column.</summary>
internal sealed class QueryFields
{
    private readonly string _resource;
    private readonly FrozenDictionary<string, QueryField> _fields;

    public QueryFields(string resource, IReadOnlyDictionary<string, QueryField> fields)
    {
        _resource = resource;
        _fields = fields.ToFrozenDictionary(StringComparer.Ordinal);
        Names = _fields.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlySet<string> Names { get; }

    public QueryField this[string field] =>
        _fields.TryGetValue(field, out var column) ? column : throw new UnknownQueryFieldException(_resource, field, Names);
}
