using System.Text.Json.Serialization.Metadata;

namespace FunctionsCloud.Client.Http;

/// <summary>
/// The wire format of the API's objects, for callers that write them out again (the command line's JSON output):
/// the same generated metadata the client reads them with, so it stays trimmable.
/// </summary>
public static class ApiJson
{
    /// <exception cref="NotSupportedException">The type is not one the client reads or sends.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        ClientJson.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not part of the API's wire format.");
}
