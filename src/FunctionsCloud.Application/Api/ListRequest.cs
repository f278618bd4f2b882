using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Application.Api;

/// <summary>A list request as the query string gave it: paging plus field filters.</summary>
public sealed record ListRequest(int Limit, int Offset, IReadOnlyList<FieldFilter> Filters)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 1000;

    /// <summary>Far beyond any list's length, and low enough that an offset plus a limit is always a valid offset.</summary>
    public const int MaxOffset = 10_000_000;
    private const string StartsWithSuffix = "__startswith";

    /// <summary>Parses the query; an unknown field or bad number is a 400 naming it.</summary>
    public static ListRequest Parse(IEnumerable<KeyValuePair<string, string>> query, IReadOnlySet<string> filterableFields)
    {
        var validator = new Validator();
        int limit = DefaultLimit, offset = 0;
        var filters = new List<FieldFilter>();
        foreach (var (key, value) in query)
        {
            switch (key)
            {
                case "limit":
                    if (!int.TryParse(value, out limit) || limit < 1 || limit > MaxLimit)
                        validator.Add("limit", $"must be a whole number from 1 to {MaxLimit}.");
                    break;
                case "offset":
                    if (!int.TryParse(value, out offset) || offset < 0 || offset > MaxOffset)
                        validator.Add("offset", $"must be a whole number from 0 to {MaxOffset}.");
                    break;
                case "format":
                    break; // Docker Cloud clients send ?format=json; JSON is all we speak.
                default:
                    var startsWith = key.EndsWith(StartsWithSuffix, StringComparison.Ordinal);
                    var field = startsWith ? key[..^StartsWithSuffix.Length] : key;
                    if (!filterableFields.Contains(field))
                        validator.Add(key, $"is not a filter here; filter on {string.Join(", ", filterableFields.Order())}.");
                    else
                        filters.Add(new FieldFilter(field, startsWith ? FilterOperator.StartsWith : FilterOperator.Equals, value));
                    break;
            }
        }

        validator.ThrowIfInvalid();
        return new ListRequest(limit, offset, filters);
    }

    public TableQuery ToQuery() => new(Filters);

    public ListMeta Meta(string path, int totalCount, IEnumerable<KeyValuePair<string, string>> query)
    {
        string Page(int at) => path + "?" + string.Join("&", query
            .Where(q => q.Key is not ("limit" or "offset"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")
            .Append($"limit={Limit}").Append($"offset={at}"));
        var next = Offset + Limit < totalCount && Offset + Limit <= MaxOffset ? Page(Offset + Limit) : null;
        // Past the end, the page before is the last one that has objects, not another empty one.
        var previous = Offset > 0 ? Page(Math.Max(0, Math.Min(Offset, totalCount) - Limit)) : null;
        return new ListMeta(Limit, Offset, totalCount, next, previous);
    }
}
