using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Application.Api;

/// <summary>Filtering and paging for lists held in memory (the catalog), with the same rules as stored lists.</summary>
public static class InMemoryLists
{
    public static (IReadOnlyList<T> Page, int Total) Apply<T>(
        IEnumerable<T> items, ListRequest request, IReadOnlyDictionary<string, Func<T, string?>> fields)
    {
        var matching = items.Where(item => request.Filters.All(f => Matches(fields[f.Field](item), f))).ToList();
        return (matching.Skip(request.Offset).Take(request.Limit).ToList(), matching.Count);
    }

    private static bool Matches(string? value, FieldFilter filter) => value is not null && filter.Operator switch
    {
        FilterOperator.StartsWith => value.StartsWith(filter.Value, StringComparison.Ordinal),
        _ => value == filter.Value,
    };
}
