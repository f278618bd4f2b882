using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsCloud.Application.Api;

/// <summary>
/// A request body as an action keeps it (its body field): the values of every field whose name says it holds a
/// secret replaced, and the whole cut to a length that fits the action's row beside its log.
/// </summary>
public static class ActionBody
{
    public const int MaxLength = 8192;
    public const int MaxUserAgentLength = 512;
    public const string Removed = "[removed]";

    /// <summary>Field names (or parts of them) that hold secrets in the requests that start actions and in queue commands.</summary>
    private static readonly string[] SecretWords = ["password", "secret", "token", "authorization", "apikey", "api_key", "key", "credential", "private"];

    public static string Redact(string body)
    {
        if (string.IsNullOrEmpty(body))
            return "";
        try
        {
            var parsed = JsonNode.Parse(body);
            Scrub(parsed);
            return Cut(parsed?.ToJsonString() ?? "null", MaxLength);
        }
        catch (JsonException)
        {
            // Not JSON (a trigger call's body is any text): kept as sent.
            return Cut(body, MaxLength);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // JSON the parser reads only in part (a key twice): kept only when nothing in it could name a secret.
            return IsSecretName(body) ? Removed : Cut(body, MaxLength);
        }
    }

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static bool IsSecretName(string name) =>
        SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(name))
                        obj[name] = Removed;
                    else
                        Scrub(obj[name]);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                    Scrub(item);
                break;
        }
    }
}
