namespace FunctionsCloud.LocalHost.Http;

/// <summary>An HTTP invocation's binding data: query values, overridden by route values (as the host does).</summary>
public static class HttpBindingData
{
    public static IReadOnlyDictionary<string, object?> From(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Query)
            data[key] = value.ToString();
        foreach (var (key, value) in request.RouteValues)
            data[key] = value;
        return data;
    }
}
