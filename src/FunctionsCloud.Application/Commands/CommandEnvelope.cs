using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// The fields needed to answer a message even when the rest of it is wrong: whom to authenticate and where to
/// reply. Read leniently: a field of the wrong type counts as absent.
/// </summary>
public sealed record CommandEnvelope(string? Id, string? Authorization, string? ReplyTo)
{
    public static readonly CommandEnvelope None = new(null, null, null);

    public static CommandEnvelope Read(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json
                ? new CommandEnvelope(Text(json, "id"), Text(json, "authorization"), Text(json, "reply_to"))
                : None;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return None; // not JSON, or an object with a key twice (found when it is read)
        }
    }

    private static string? Text(JsonObject json, string field) =>
        json[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
