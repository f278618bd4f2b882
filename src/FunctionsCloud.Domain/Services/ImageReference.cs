using System.Text.RegularExpressions;

namespace FunctionsCloud.Domain.Services;

/// <summary>
/// Docker's image reference format, <c>[registry[:port]/]path[:tag][@digest]</c>, as the engine parses it:
/// path components are lower case, the registry is a host name (a component with '.' or ':', or localhost).
/// </summary>
public static partial class ImageReference
{
    /// <summary>The engine's limit on the name part (registry and path).</summary>
    public const int MaxNameLength = 255;

    /// <summary>Name, a 128-character tag and a long digest; also keeps the pattern's work small on hostile input.</summary>
    public const int MaxReferenceLength = 512;

    /// <summary>Null when the reference is one the engine accepts, else why not.</summary>
    public static string? Check(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return "is required.";
        if (reference.Length > MaxReferenceLength)
            return $"must be at most {MaxReferenceLength} characters.";
        var match = Reference().Match(reference);
        if (!match.Success)
            return $"'{Shorten(reference)}' is not an image reference such as 'nginx', 'nginx:1.27', 'myregistry:5000/team/app:v2' or 'app@sha256:<64 hex digits>' (path components in lower case).";
        return match.Groups["name"].Length > MaxNameLength ? $"the image name must be at most {MaxNameLength} characters." : null;
    }

    /// <summary>The last path component without tag or digest ("tutum/hello-world:latest" gives "hello-world"), for a default service name.</summary>
    public static string BaseName(string reference)
    {
        var match = Reference().Match(reference);
        var name = match.Success ? match.Groups["name"].Value : reference;
        return name[(name.LastIndexOf('/') + 1)..];
    }

    /// <summary>The name part of a valid reference, registry and path, without tag or digest; null when it is not one.</summary>
    public static string? NameOf(string reference)
    {
        var match = Check(reference) is null ? Reference().Match(reference) : null;
        return match?.Groups["name"].Value;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "...";

    // After github.com/distribution/reference's grammar: path components are [a-z0-9]+ joined by '.', '_', '__' or '-'s;
    // the optional first component is a registry host (with a port) when followed by more path; tags are [\w][\w.-]{0,127};
    // digests are algorithm:hex with at least 32 hex digits.
    [GeneratedRegex("""
        ^(?<name>
            (?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?/)?
            [a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*
            (?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*
        )
        (?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?
        (?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?\z
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
