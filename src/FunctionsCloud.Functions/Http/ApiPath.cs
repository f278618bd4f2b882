using Microsoft.AspNetCore.Http;

namespace FunctionsCloud.Functions.Http;

/// <summary>
/// Where the API lives: every API route starts with api/ (host.json's route prefix is empty so that the dashboard
/// can be served at the site root); every other path is the dashboard's.
/// </summary>
public static class ApiPath
{
    public const string Prefix = "/api";

    /// <summary>Whether the path is the API's: /api or below it, in any letter case (routes match so).</summary>
    public static bool Contains(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
