using System.Text.Json;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>The isolated worker's default JSON settings (System.Text.Json, case-insensitive property names).</summary>
public static class WorkerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
