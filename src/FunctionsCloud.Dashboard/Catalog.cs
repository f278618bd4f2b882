namespace FunctionsCloud.Dashboard;

/// <summary>Names as people read them, from the catalog's resource URIs.</summary>
public static class Catalog
{
    /// <summary><c>/api/infra/v1/region/aws/us-east-1/</c> is <c>us-east-1</c>; <c>/api/infra/v1/provider/aws/</c> is <c>aws</c>.</summary>
    public static string Name(string? resourceUri) =>
        resourceUri is null ? "" : resourceUri.TrimEnd('/').Split('/')[^1];

    /// <summary>The first 8 characters of a uuid, as Docker Cloud showed them.</summary>
    public static string Short(Guid uuid) => uuid.ToString()[..8];
}
