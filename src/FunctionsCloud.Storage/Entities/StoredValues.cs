using System.Text.Json;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Storage.Entities;

/// <summary>How domain values that have no table type of their own are stored, in one place for all entities.</summary>
internal static class StoredValues
{
    /// <summary>A string column holds at most 64 KiB: 32K UTF-16 characters.</summary>
    public const int MaxStringLength = 32 * 1024;

    // Relaxed escaping: stored text is never HTML, and escaping non-ASCII or <>& six-fold would let input within its
    // limits outgrow a column.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new ApiNameJsonConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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

    /// <summary>
    /// Lists and records as one JSON column, enums by wire name. Refuses what would not fit a column, with a
    /// message naming it, rather than let the table answer a bare 400.
    /// </summary>
    public static string Json<T>(T value, string column)
    {
        var json = JsonSerializer.Serialize(value, JsonOptions);
        return json.Length <= MaxStringLength
            ? json
            : throw new ArgumentException($"{column} takes {json.Length} characters as JSON; a table column holds at most {MaxStringLength}.", column);
    }

    public static string? JsonOrNull<T>(T? value, string column) where T : class => value is null ? null : Json(value, column);

    /// <summary>The value of a JSON column; null when the column is unset.</summary>
    public static T? FromJson<T>(string? stored) where T : class =>
        string.IsNullOrEmpty(stored) ? null : JsonSerializer.Deserialize<T>(stored, JsonOptions);
}
