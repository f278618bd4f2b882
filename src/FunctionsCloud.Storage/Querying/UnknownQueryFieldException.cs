namespace FunctionsCloud.Storage.Querying;

/// <summary>A list was filtered on a field the resource cannot be filtered on: bad input (HTTP 400).</summary>
public sealed class UnknownQueryFieldException(string resource, string field, IReadOnlySet<string> supported)
    : ArgumentException($"'{field}' is not a filter for {resource}; filter on {string.Join(", ", supported.Order(StringComparer.Ordinal))}.", "query")
{
    public string Resource { get; } = resource;
    public string Field { get; } = field;
    public IReadOnlySet<string> Supported { get; } = supported;
}
