using System.Text.Json;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Api;

/// <summary>
/// What the JSON parser lets through but a request cannot mean: a key twice in one object at any depth (the parser
/// would keep one of them silently, or fail later), a string escaping a lone UTF-16 surrogate (no .NET string holds
/// it), and a null item in a list (lists hold objects or values). Each is a 400 naming the top-level field, with
/// the path inside it in the message. Runs on text that already parsed as JSON.
/// </summary>
internal static class JsonBodyCheck
{
    public static void Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Container? open = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    open!.Key(ReadString(ref reader, open));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    open?.NextValue();
                    open = new Container(open, reader.TokenType == JsonTokenType.StartArray);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open = open!.Parent;
                    break;
                case JsonTokenType.String:
                    open?.NextValue();
                    // Only an escape can spell a lone surrogate (the reader refuses bad UTF-8 itself): unescaped
                    // values, nearly all of a heartbeat's, are not copied into strings just to be looked at.
                    if (reader.ValueIsEscaped)
                        ReadString(ref reader, open);
                    break;
                case JsonTokenType.Null when open is { IsArray: true }:
                    open.NextValue();
                    throw Refused(open.ValuePath(), "is null; a list takes objects or values, never null.");
                default:
                    open?.NextValue();
                    break;
            }
        }
    }

    /// <param name="open">Where the string stands: a key names its object, a value its own place.</param>
    private static string ReadString(ref Utf8JsonReader reader, Container? open)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var path = open is null ? "" : reader.TokenType == JsonTokenType.PropertyName ? open.Path() : open.ValuePath();
            throw Refused(path, "holds an escaped lone UTF-16 surrogate, which is not text.");
        }
    }

    private static RequestValidationException Refused(string path, string problem)
    {
        var field = path.Length == 0 ? "body" : path.Split('.', '[')[0];
        return new RequestValidationException(field, $"{(path.Length == 0 ? "the body" : path)} {problem}");
    }

    /// <summary>
    /// An object or list being read: the keys seen so far and where its current value is. Paths are spelled out only
    /// for a refusal, from the chain of open containers, so that an accepted body costs no strings for them.
    /// </summary>
    private sealed class Container(Container? parent, bool isArray)
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private string _key = "";
        private int _index = -1;

        public Container? Parent { get; } = parent;

        public bool IsArray { get; } = isArray;

        public void Key(string key)
        {
            if (!_keys.Add(key))
                throw Refused(PathOf(key), "appears more than once in its object; send each key once.");
            _key = key;
        }

        /// <summary>A value begins: in a list, the next item.</summary>
        public void NextValue()
        {
            if (IsArray)
                _index++;
        }

        /// <summary>Where this container stands in the body: its parent's current value.</summary>
        public string Path() => Parent?.ValuePath() ?? "";

        /// <summary>Where the value being read now stands.</summary>
        public string ValuePath() => IsArray ? $"{Path()}[{_index}]" : PathOf(_key);

        private string PathOf(string key) => Path() is { Length: > 0 } path ? $"{path}.{key}" : key;
    }
}
