using System.Net;
using System.Text.Json;

namespace FunctionsCloud.Providers.Http;

/// <summary>
/// What a provider said went wrong, read from its error body: DigitalOcean answers
/// <c>{"id": "...", "message": "..."}</c>, SoftLayer <c>{"error": "...", "code": "SoftLayer_Exception_..."}</c>.
/// </summary>
public sealed record ProviderError(string Message, string? Code)
{
    private static readonly string[] MessageFields = ["message", "error"];
    private static readonly string[] CodeFields = ["code", "id"];

    /// <summary>Whether the body carried the provider's own message (rather than a proxy's page or nothing).</summary>
    public bool FromProvider { get; private init; }

    public static ProviderError From(HttpStatusCode status, string body)
    {
        var json = TryParseObject(body);
        var message = json is { } root ? FirstString(root, MessageFields) : null;
        return message is null
            ? new ProviderError($"HTTP {(int)status} {status}", null)
            : new ProviderError(message, FirstString(json!.Value, CodeFields)) { FromProvider = true };
    }

    private static JsonElement? TryParseObject(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FirstString(JsonElement root, string[] names) =>
        names.Select(name => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
