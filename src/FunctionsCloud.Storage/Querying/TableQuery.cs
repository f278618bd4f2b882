namespace FunctionsCloud.Storage.Querying;

/// <summary>What a list asks for: field filters, all of which must hold. Runs server-side; immutable.</summary>
public sealed class TableQuery
{
    public static readonly TableQuery All = new([]);

    public TableQuery(IEnumerable<FieldFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        Filters = [.. filters];
    }

    public IReadOnlyList<FieldFilter> Filters { get; }

    public TableQuery Where(string field, string value) => With(new FieldFilter(field, FilterOperator.Equals, value));

    public TableQuery WhereStartsWith(string field, string prefix) => With(new FieldFilter(field, FilterOperator.StartsWith, prefix));

    private TableQuery With(FieldFilter filter) => new(Filters.Append(filter));
}
