using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Api;

/// <summary>
/// Reads a JSON request body into <typeparamref name="T"/>: malformed JSON, fields the request does not
/// have, and values of the wrong type are 400s that name the field.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 64 * 1024;

    public static Task<T> ReadAsync<T>(Stream body, CancellationToken cancellationToken) => ReadAsync<T>(body, MaxBytes, cancellationToken);

    /// <param name="emptyIsObject">Whether no body at all means "{}", for requests whose every field is optional.</param>
    public static async Task<T> ReadAsync<T>(Stream body, int maxBytes, CancellationToken cancellationToken, bool emptyIsObject = false)
    {
        var bytes = await ReadBytesAsync(body, maxBytes, cancellationToken);
        return Parse<T>(bytes.Length == 0 && emptyIsObject ? "{}"u8 : bytes);
    }

    /// <summary>A body whose fields are not known in advance (e.g. a provider's credential fields): any JSON object.</summary>
    public static async Task<JsonElement> ReadObjectAsync(Stream body, CancellationToken cancellationToken) =>
        ParseObject(await ReadBytesAsync(body, MaxBytes, cancellationToken)).Deserialize<JsonElement>();

    /// <summary>The body's bytes; more than <paramref name="maxBytes"/> is a 400.</summary>
    public static async Task<byte[]> ReadBytesAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new RequestValidationException("body", $"is larger than {maxBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static T Parse<T>(ReadOnlySpan<byte> json)
    {
        var obj = ParseObject(json);
        var known = Fields<T>.Names;
        var unknown = obj.Select(p => p.Key).Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new RequestValidationException(unknown.Select(k => new ValidationError(k, $"is not a field of this request; known fields are {string.Join(", ", known.Order())}.")).ToList());
        try
        {
            return obj.Deserialize<T>(ApiJson.Options)!;
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.').Split('[', '.')[0] : "body";
            throw new RequestValidationException(field, "has the wrong type or format.");
        }
    }

    private static JsonObject ParseObject(ReadOnlySpan<byte> json)
    {
        JsonNode? node;
        try
        {
            node = json.IsEmpty ? null : JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new RequestValidationException("body", $"is not valid JSON ({e.Message.Split(" Path:")[0]})");
        }

        var obj = node as JsonObject ?? throw new RequestValidationException("body", "must be a JSON object.");
        JsonBodyCheck.Check(json);
        return obj;
    }

    private static class Fields<T>
    {
        public static readonly HashSet<string> Names = ApiJson.Options.GetTypeInfo(typeof(T)).Properties
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
