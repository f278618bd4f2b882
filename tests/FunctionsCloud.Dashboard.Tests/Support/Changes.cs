using System.Text.Json;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Tests.Support;

/// <summary>Events of the event stream, as objects and as the API sends them.</summary>
public static class Changes
{
    public const string ServiceA = "/api/app/v1/service/0b6f3c1e-3b8e-4f7b-9d4c-7c1a2e5f9a10/";
    public const string ServiceB = "/api/app/v1/service/6a0c2d55-9f7e-4c1b-8a3d-2e4f6b8c0d12/";
    public const string ContainerOfA = "/api/app/v1/container/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/";
    public const string Node = "/api/infra/v1/node/9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b/";
    public const string Cluster = "/api/infra/v1/nodecluster/2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d/";

    public static ObjectEvent Of(string type, string action, string resourceUri, string id = "1", params string[] parents) =>
        new(type, action, "Running", resourceUri, parents, Guid.Parse(resourceUri.TrimEnd('/').Split('/')[^1]), new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero), id);

    /// <summary>The event's <c>data</c> as the stream sends it (<see cref="EventStream"/> numbers its <c>id:</c> lines alike).</summary>
    public static string Json(int id, string type, string action, string resourceUri, params string[] parents) => JsonSerializer.Serialize(new
    {
        type, action, state = "Running", resource_uri = resourceUri, parents, uuid = resourceUri.TrimEnd('/').Split('/')[^1],
        datetime = "Thu, 03 Dec 2026 12:00:00 +0000", id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
