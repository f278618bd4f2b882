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
        var open = new Stack<Container>();
        while (reader.Read())
        {
            var parent = open.Count > 0 ? open.Peek() : null;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    parent!.Key(ReadString(ref reader, parent.KeyPath));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    open.Push(new Container(parent?.NextPath() ?? "", reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.String:
                    ReadString(ref reader, parent?.NextPath() ?? "");
                    break;
                case JsonTokenType.Null when parent is { IsArray: true }:
                    throw Refused(parent.NextPath(), "is null; a list takes objects or values, never null.");
                default:
                    parent?.NextPath();
                    break;
            }
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, string path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Refused(path, "holds an escaped lone UTF-16 surrogate, which is not text.");
        }
    }

    private static RequestValidationException Refused(string path, string problem)
    {
        var field = path.Length == 0 ? "body" : path.Split('.', '[')[0];
        return new RequestValidationException(field, $"{(path.Length == 0 ? "the body" : path)} {problem}");
    }

    /// <summary>An object or list being read: its path, the keys seen so far, and where the next value goes.</summary>
    private sealed class Container(string path, bool isArray)
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private string _key = "";
        private int _index;

        public bool IsArray { get; } = isArray;

        /// <summary>Where a key of this object is reported: the object itself, as a key names nothing yet.</summary>
        public string KeyPath => path;

        public void Key(string key)
        {
            if (!_keys.Add(key))
                throw Refused(PathOf(key), "appears more than once in its object; send each key once.");
            _key = key;
        }

        /// <summary>The path of the value being read now, moving a list on to its next item.</summary>
        public string NextPath() => IsArray ? $"{path}[{_index++}]" : PathOf(_key);

        public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";
    }
}
