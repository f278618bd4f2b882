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

    public static string? CheckTag(string? tag) =>
        string.IsNullOrEmpty(tag) ? "tag names cannot be empty."
        : tag.Length > MaxTagLength ? $"tag '{tag[..16]}...' is longer than {MaxTagLength} characters."
        : !TagPattern().IsMatch(tag) ? $"tag '{tag}' may contain letters, digits and '-', '_', '.', ':', '='."
        : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_.:=-]+$")]
    private static partial Regex TagPattern();
}
