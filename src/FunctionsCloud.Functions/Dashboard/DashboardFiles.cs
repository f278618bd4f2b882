using System.Text.RegularExpressions;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FunctionsCloud.Functions.Dashboard;

/// <summary>
/// Serves the dashboard (a Blazor WebAssembly app) from its published folder: a file as it is stored, in its
/// precompressed form where the browser takes one, and index.html for any other path without an extension, so that the
/// app's own routes (/nodeclusters/...) load it. It is public: it is the sign-in page and holds no data.
/// </summary>
public sealed partial class DashboardFiles(IOptions<DashboardOptions> options)
{
    private const string IndexFile = "index.html";
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    // Blazor's boot needs inline import maps and WebAssembly compilation, so the policy leaves scripts alone and only
    // keeps the page out of frames, its base URL at home and plugins out.
    private const string IndexPolicy = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public IResult Serve(HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";

        // The dashboard's catch-all route sees an API path only when no API route took it: an unknown API resource.
        if (ApiPath.Contains(request.Path))
            return NotFound($"There is no API resource at {request.Path}.");

        var root = options.Value.ResolveRoot();
        if (!Directory.Exists(root))
            return NotBuilt();

        var path = DashboardPath.Resolve(root, request.Path.Value ?? "/");
        if (path is null)
            return NotFound("There is no dashboard file at this path.");
        if (File.Exists(path))
            return FileResult(request, new FileInfo(path), root);
        // A missing asset is a 404; anything else is one of the app's own routes, which index.html loads.
        if (Path.HasExtension(request.Path.Value))
            return NotFound($"There is no dashboard file at {request.Path}.");

        var index = new FileInfo(Path.Combine(root, IndexFile));
        return index.Exists ? FileResult(request, index, root) : NotBuilt();
    }

    private static IResult FileResult(HttpRequest request, FileInfo file, string root)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = IsFingerprinted(file.Name) ? Immutable : Revalidate;
        if (file.FullName == Path.Combine(root, IndexFile))
            headers.ContentSecurityPolicy = IndexPolicy;

        var chosen = PrecompressedFile.Choose(file, request.Headers.AcceptEncoding);
        if (chosen.Varies)
            headers.Vary = HeaderNames.AcceptEncoding;
        if (chosen.Encoding is { } encoding)
            headers.ContentEncoding = encoding;

        // Results.File answers conditional requests (If-None-Match, If-Modified-Since) with 304 itself.
        return Results.File(
            chosen.Stored.FullName, DashboardContentTypes.For(file.Name), lastModified: chosen.Stored.LastWriteTimeUtc, entityTag: chosen.EntityTag);
    }

    /// <summary>
    /// Whether the publish fingerprinted the name (<c>System.Runtime.k4iu7vvig3.wasm</c>): a new build gives new content
    /// a new name, so what is under this one may be cached for good.
    /// </summary>
    public static bool IsFingerprinted(string fileName) => Fingerprint().IsMatch(fileName);

    [GeneratedRegex(@"\.[a-z0-9]{10}\.", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprint();

    private static IResult NotBuilt() => NotFound(
        $"The dashboard is not built or not deployed here: there is no {IndexFile} in the folder of setting FunctionsCloud__Dashboard__Root.");

    private static IResult NotFound(string detail) => new Problem("about:blank", "Not found", StatusCodes.Status404NotFound, detail).ToResult();
}
