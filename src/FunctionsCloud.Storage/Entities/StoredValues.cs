using System.Text.Json;

namespace FunctionsCloud.Storage.Entities;

/// <summary>How domain values that have no table type of their own are stored, in one place for all entities.</summary>
internal static class StoredValues
{
    /// <summary>Guids as "D" strings, so they compare with plain string filters like the keys.</summary>
    public static string? Of(Guid? uuid) => uuid?.ToString("D");

    public static Guid? GuidOrNull(string? stored) => string.IsNullOrEmpty(stored) ? null : Guid.Parse(stored);

    /// <summary>Tags as a JSON array string.</summary>
    public static string Of(IReadOnlyList<string> tags) => JsonSerializer.Serialize(tags);

    public static IReadOnlyList<string> Tags(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : JsonSerializer.Deserialize<string[]>(stored) ?? [];

    /// <summary>Edm.DateTime starts in 1601, so an unset date (default) is stored as no value.</summary>
    public static DateTimeOffset? Of(DateTimeOffset date) => date == default ? null : date;

    public static DateTimeOffset DateOrDefault(DateTimeOffset? stored) => stored ?? default;
}
