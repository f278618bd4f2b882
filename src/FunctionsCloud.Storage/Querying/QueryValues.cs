using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Storage.Querying;

/// <summary>Normalizers from API filter values to stored values, shared by the stores' field maps.</summary>
internal static class QueryValues
{
    /// <summary>A uuid, or a resource_uri ending in one, as its stored "D" form; a partial uuid (prefix) in lower case.</summary>
    public static string Uuid(string value)
    {
        var trimmed = value.TrimEnd('/');
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return Guid.TryParse(last, out var uuid) ? uuid.ToString("D") : value.ToLowerInvariant();
    }

    /// <summary>A state name in any case as its stored wire name ("partly deployed" → "Partly deployed"); others as given.</summary>
    public static Func<string, string> State<TState>() where TState : struct, Enum =>
        value => ApiNames.TryParse<TState>(value, out var state) ? ApiNames.Of(state) : value;

    /// <summary>A catalog resource_uri ("/api/infra/v1/region/aws/us-east-1/") as the stored name ("us-east-1").</summary>
    public static Func<string, string> CatalogName(string kind) =>
        value => ResourceUris.TryParseCatalogUri(value, kind, out _, out var name) ? name : value;
}
