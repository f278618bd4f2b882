using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Storage.Commands;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// A message of the command queue's poison queue as the API shows it: its body without the credential. A body that
/// is not a JSON object cannot be redacted with certainty, so it is not shown at all.
/// </summary>
public sealed record PoisonCommandResource(string Id, DateTimeOffset? InsertedOn, long DequeueCount, JsonObject? Body)
{
    public static PoisonCommandResource From(PeekedCommand message, BinaryData decodedBody) =>
        new(message.MessageId, message.InsertedOn, message.DequeueCount, Redacted(decodedBody));

    private static JsonObject? Redacted(BinaryData body)
    {
        try
        {
            var json = JsonNode.Parse(body.ToMemory().Span) as JsonObject;
            foreach (var name in json?.Select(p => p.Key).Where(IsCredential).ToList() ?? [])
                json!.Remove(name);
            return json;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null; // not JSON, or an object with a key twice (found when it is read)
        }
    }

    private static bool IsCredential(string field) => string.Equals(field, "authorization", StringComparison.OrdinalIgnoreCase);
}
