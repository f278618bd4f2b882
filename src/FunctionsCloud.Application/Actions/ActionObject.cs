namespace FunctionsCloud.Application.Actions;

/// <summary>The object an action works on, read back from its resource_uri ("/api/app/v1/container/&lt;uuid&gt;/").</summary>
public static class ActionObject
{
    public static Guid? UuidOf(string resourceUri) =>
        Guid.TryParse(resourceUri.TrimEnd('/').Split('/')[^1], out var uuid) ? uuid : null;
}
