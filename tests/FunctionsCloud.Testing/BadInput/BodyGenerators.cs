using System.Text;
using CsCheck;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>A body and its declared type (null: none sent).</summary>
public sealed record GeneratedBody(byte[]? Bytes, string? ContentType)
{
    public static readonly GeneratedBody None = new(null, null);
}

/// <summary>Bodies by what the route reads: spoiled JSON for routes that must refuse it, anything for the others.</summary>
public static class BodyGenerators
{
    private static readonly Gen<string?> JsonType = Gen.Frequency<string?>(
        (6, "application/json"), (2, (string?)null), (1, "application/json; charset=utf-8"), (1, "application/merge-patch+json"),
        (1, "APPLICATION/JSON"), (1, "application/json; charset=latin1"));

    private static readonly Gen<string?> OtherType = Gen.OneOf<string?>(
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "json", "",
        ";", "application/", "a/b/c", "application/json-seq", "application/jsonx", "*/*");

    /// <summary>A body the app must refuse whatever route reads it as JSON.</summary>
    public static readonly Gen<GeneratedBody> Spoiled = Gen.Frequency(
        (5, Gen.Select(JsonGenerators.PoisonedObject, JsonType, (text, type) => new GeneratedBody(JsonGenerators.Utf8(text), type))),
        (4, Gen.Select(JsonGenerators.NotAnObject, JsonType, (text, type) => new GeneratedBody(JsonGenerators.Utf8(text), type))),
        (1, Gen.Select(JsonGenerators.Object, Gen.Int[0, 50], JsonType,
            (text, at, type) => new GeneratedBody(JsonGenerators.Utf8(text.Length > 2 ? text : "{\"name\": \"x\"}", at), type))),
        (1, Gen.Select(JsonGenerators.Object, OtherType, (text, type) => new GeneratedBody(JsonGenerators.Utf8(text), type))),
        (1, Gen.Int[65 * 1024, 80 * 1024].Select(n => new GeneratedBody(Encoding.UTF8.GetBytes($"{{\"name\": \"{new string('a', n)}\"}}"), "application/json"))));

    /// <summary>Anything JSON-ish, spoiled or not, or nothing: for requests that are refused for another reason.</summary>
    public static readonly Gen<GeneratedBody> Any = Gen.Frequency(
        (3, Spoiled),
        (3, Gen.Select(JsonGenerators.Object, JsonType, (text, type) => new GeneratedBody(JsonGenerators.Utf8(text), type))),
        (1, Gen.Const(new GeneratedBody([], "application/json"))),
        (1, Gen.Const(GeneratedBody.None)));

    /// <summary>For routes that read no body: mostly none, at times one anyway.</summary>
    public static readonly Gen<GeneratedBody> Unread = Gen.Frequency((4, Gen.Const(GeneratedBody.None)), (1, Any));

    /// <summary>A trigger call's body: any text, now and then over the size a call takes.</summary>
    public static readonly Gen<GeneratedBody> Text = Gen.Frequency(
        (3, Gen.String.Select(s => new GeneratedBody(Encoding.UTF8.GetBytes(s), "text/plain"))),
        (1, Gen.Int[8 * 1024, 20 * 1024].Select(n => new GeneratedBody(new byte[n], "application/octet-stream"))),
        (2, Any));
}
