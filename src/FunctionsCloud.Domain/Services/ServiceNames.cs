using System.Text.RegularExpressions;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// Docker Cloud's service names and link aliases: letters, digits and '-', starting with a letter, because they
/// become host names (a container is &lt;service&gt;-&lt;n&gt;) and, upper-cased, the prefix of link variables.
/// </summary>
public static partial class ServiceNames
{
    public const int MaxLength = 64;

    /// <summary>What a service is called when its request names none and its image names nothing usable.</summary>
    public const string Fallback = "service";

    /// <summary>Null when the name is acceptable, else why not.</summary>
    public static string? Check(string? name) =>
        string.IsNullOrEmpty(name) ? "is required."
        : name.Length > MaxLength ? $"must be at most {MaxLength} characters."
        : !Pattern().IsMatch(name) ? $"'{name}' may contain only letters, digits and '-', and must start with a letter."
        : null;

    /// <summary>
    /// Docker Cloud's default name: the image's last path component without tag ("tutum/hello-world:latest" gives
    /// "hello-world"), made a valid name, with "-2", "-3", ... added while <paramref name="taken"/> says it is in use.
    /// </summary>
    public static string FromImage(string image, Func<string, bool> taken)
    {
        var stem = Stem(ImageReference.BaseName(image));
        var name = stem;
        for (var n = 2; taken(name); n++)
        {
            var suffix = $"-{n}";
            name = stem[..Math.Min(stem.Length, MaxLength - suffix.Length)] + suffix;
        }

        return name;
    }

    /// <summary>Separators become '-', anything before the first letter goes.</summary>
    private static string Stem(string baseName)
    {
        var dashed = Separators().Replace(baseName, "-");
        var start = dashed.IndexOfAny(Letters);
        var stem = start < 0 ? Fallback : dashed[start..].TrimEnd('-');
        return stem.Length <= MaxLength ? stem : stem[..MaxLength].TrimEnd('-');
    }

    private static readonly char[] Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*\\z")]
    private static partial Regex Pattern();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex Separators();
}
