using FunctionsCloud.Domain.Resources;

namespace FunctionsCloud.Application.Services;

/// <summary>A service named in a request body: its uuid, or its resource_uri (with or without host and trailing slash).</summary>
public static class ServiceReference
{
    private static readonly string[] ServicePath = ResourceUris.Service(Guid.Empty).Trim('/').Split('/')[..^1];

    public static Guid? Parse(string reference)
    {
        var path = Uri.TryCreate(reference, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsolutePath : reference;
        var parts = path.Trim('/').Split('/');
        var isUuidOrUri = parts.Length == 1 || parts[..^1].SequenceEqual(ServicePath);
        return isUuidOrUri && Guid.TryParseExact(parts[^1], "D", out var uuid) ? uuid : null;
    }
}
