using System.Globalization;
using System.Text.Json;

namespace FunctionsCloud.Domain.Logs;

/// <summary>
/// How lines are kept in a log blob: one JSON object per line (<c>{"t":"…","s":"stdout","l":"…"}</c>), UTF-8. JSON
/// carries control characters and text that was not valid UTF-8 (replaced on the way in) without ever breaking a line.
/// </summary>
public static class LogLineFormat
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(LogLine line, Stream into)
    {
        ArgumentNullException.ThrowIfNull(line);
        using (var json = new Utf8JsonWriter(into, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("t", line.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("s", line.Source);
            json.WriteString("l", line.Text);
            json.WriteEndObject();
        }

        into.WriteByte((byte)'\n');
    }

    public static byte[] Encode(LogLine line)
    {
        using var buffer = new MemoryStream();
        Write(line, buffer);
        return buffer.ToArray();
    }

    /// <summary>A stored line (without its line break); null when it is not one (a torn or foreign line is skipped, not fatal).</summary>
    public static LogLine? TryParse(ReadOnlySpan<byte> stored)
    {
        try
        {
            var reader = new Utf8JsonReader(stored);
            DateTimeOffset? at = null;
            string? source = null, text = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "t" when reader.TokenType == JsonTokenType.String:
                        at = reader.GetDateTimeOffset();
                        break;
                    case "s" when reader.TokenType == JsonTokenType.String:
                        source = reader.GetString();
                        break;
                    case "l" when reader.TokenType == JsonTokenType.String:
                        text = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return at is { } t && source is not null && text is not null ? new LogLine(t, source, text) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The complete lines in <paramref name="bytes"/>, each with the offset just after it (relative to the span).</summary>
    public static IEnumerable<(LogLine Line, int End)> ReadLines(ReadOnlyMemory<byte> bytes)
    {
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = bytes.Span[start..].IndexOf((byte)'\n');
            if (newline < 0)
                yield break;
            var end = start + newline + 1;
            if (TryParse(bytes.Span[start..(end - 1)]) is { } line)
                yield return (line, end);
            start = end;
        }
    }
}
