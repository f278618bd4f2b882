using System.Buffers;

namespace FunctionsCloud.Storage.Entities;

/// <summary>
/// What the Table service accepts as a PartitionKey or RowKey. Lookups with keys it would reject answer
/// "not found" rather than a service error, since such keys come from callers (e.g. a user name).
/// </summary>
internal static class TableKeys
{
    private const int MaxLength = 512; // 1 KiB of UTF-16
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\#?");

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && !key.AsSpan().ContainsAny(Forbidden) && !key.Any(char.IsControl);

    public static string Require(string? key, string name) =>
        IsValid(key) ? key! : throw new ArgumentException($"'{key}' cannot be a table key: 1 to {MaxLength} characters without / \\ # ? or control characters.", name);

    public static string Of(Guid uuid) => uuid.ToString("D");
}
