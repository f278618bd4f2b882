using System.Text.RegularExpressions;

namespace FunctionsCloud.Domain.Validation;

/// <summary>What names and tags may look like: safe in host names, URLs, labels and shell commands.</summary>
public static partial class ResourceNames
{
    public const int MaxNameLength = 64;
    public const int MaxTagLength = 64;
    public const int MaxNicknameLength = 255;

    /// <summary>Null when the name is acceptable, else why not.</summary>
    public static string? Check(string? name) =>
        string.IsNullOrEmpty(name) ? "is required."
        : name.Length > MaxNameLength ? $"must be at most {MaxNameLength} characters."
        : !NamePattern().IsMatch(name) ? "may contain letters, digits, '-', '_' and '.', and must start with a letter or digit."
        : null;

    /// <summary>Null when the nickname is acceptable (any text people can read safely, or none), else why not.</summary>
    public static string? CheckNickname(string? nickname) =>
        nickname is null ? null
        : nickname.Length > MaxNicknameLength ? $"must be at most {MaxNicknameLength} characters."
        : nickname.Any(IsHidden) ? "may not contain control characters (NUL, line breaks, escapes), line or paragraph separators, or bidirectional overrides."
        : null;

    public static string? CheckTag(string? tag) =>
        string.IsNullOrEmpty(tag) ? "tag names cannot be empty."
        : tag.Length > MaxTagLength ? $"tag '{tag[..16]}...' is longer than {MaxTagLength} characters."
        : !TagPattern().IsMatch(tag) ? $"tag '{tag}' may contain letters, digits and '-', '_', '.', ':', '='."
        : null;

    /// <summary>
    /// Characters that change how the text around them reads instead of showing themselves: control characters,
    /// line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates (which can make
    /// "exe.txt" show as "txt.exe" in a list).
    /// </summary>
    private static bool IsHidden(char c) =>
        char.IsControl(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // \z, not $: $ also matches before a final line break.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*\\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_.:=-]+\\z")]
    private static partial Regex TagPattern();
}
