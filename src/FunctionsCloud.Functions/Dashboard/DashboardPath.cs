namespace FunctionsCloud.Functions.Dashboard;

/// <summary>Maps a request path onto the dashboard's folder, refusing anything that could lead out of it.</summary>
public static class DashboardPath
{
    /// <summary>
    /// The full path under <paramref name="root"/> that <paramref name="requestPath"/> names (the root itself for "/"),
    /// or null when a segment is not a plain file name or the result would lie outside the root.
    /// </summary>
    public static string? Resolve(string root, string requestPath)
    {
        // Leading slashes would make the path absolute to Path.Combine ("//etc/passwd"); a trailing one names the same place.
        var relative = requestPath.Trim('/');
        if (relative.Length == 0)
            return root;

        var segments = relative.Split('/');
        if (!segments.All(IsPlainName))
            return null;

        var full = Path.GetFullPath(Path.Combine([root, .. segments]));
        return full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    // The server has decoded the path once (Kestrel resolves plain dot segments itself). What is refused here is what
    // no published file name has and what could still step aside: dot segments, empty segments, '\' (a separator on
    // Windows), ':' (drives, alternate streams), '%' (left by a second encoding such as %252e%252e) and control characters.
    private static bool IsPlainName(string segment) =>
        segment.Length > 0 && segment is not "." and not ".." && !segment.Any(c => c is '\\' or ':' or '%' || char.IsControl(c));
}
