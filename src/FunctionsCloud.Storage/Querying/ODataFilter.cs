using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Querying;

/// <summary>
/// Turns a <see cref="TableQuery"/> into an OData filter for one partition. Column names come from the
/// store's own map; every value goes through <see cref="TableClient.CreateQueryFilter(FormattableString)"/>,
/// which quotes and escapes it.
/// </summary>
internal static class ODataFilter
{
    public static string For(string partitionKey, TableQuery query, QueryFields fields)
    {
        // The partition is the namespace: always filtered, so no namespace sees another's rows.
        var filter = Compare("PartitionKey", "eq", partitionKey);
        foreach (var condition in query.Filters)
        {
            var field = fields[condition.Field];
            var clause = Clause(field.Column, condition.Operator, field.StoredValue(condition.Value));
            if (clause is not null)
                filter = And(filter, clause);
        }

        return filter;
    }

    public static string And(string left, string right) => $"({left}) and ({right})";

    public static string Compare(string column, string op, string value) =>
        TableClient.CreateQueryFilter(FormattableStringFactory.Create($"{column} {op} {{0}}", value));

    private static string? Clause(string column, FilterOperator op, string value) => op switch
    {
        FilterOperator.Equals => Compare(column, "eq", value),
        FilterOperator.StartsWith => StartsWith(column, value),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown filter operator."),
    };

    /// <summary>Tables have no startswith: a prefix is the range [prefix, prefix with its last char + 1).</summary>
    private static string? StartsWith(string column, string prefix)
    {
        if (prefix.Length == 0)
            return null; // every value starts with ""
        var from = Compare(column, "ge", prefix);
        var last = prefix[^1];
        return last == char.MaxValue
            ? from
            : And(from, Compare(column, "lt", prefix[..^1] + (char)(last + 1)));
    }
}
