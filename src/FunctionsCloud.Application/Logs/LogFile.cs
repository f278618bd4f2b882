using System.Globalization;
using System.Text;
using System.Text.Json;
using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// A log as a file: a line per line, written to the response as it is read and sent on every <see cref="FlushBytes"/>,
/// so that what is held is one small buffer, whatever the log's size.
/// </summary>
public static class LogFile
{
    public const int FlushBytes = 64 * 1024;
    public const string NdjsonMediaType = "application/x-ndjson";

    public static string MediaType(LogFileFormat format) => format == LogFileFormat.Ndjson ? NdjsonMediaType : "text/plain";

    /// <summary>The file's name: what the log is of (kept to letters, digits, dots and dashes) and when it was taken.</summary>
    public static string Name(string subject, DateTimeOffset at, LogFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var safe = new string([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-')]).Trim('-');
        return $"{(safe.Length == 0 ? "log" : safe)}-{at.UtcDateTime:yyyyMMdd-HHmmss}.{(format == LogFileFormat.Ndjson ? "ndjson" : "log")}";
    }

    /// <summary>Writes the lines to <paramref name="into"/> as they come; returns how many.</summary>
    public static async Task<long> WriteAsync(IAsyncEnumerable<LogEntry> entries, LogFileFormat format, bool namesContainers, Stream into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(into);
        using var buffer = new MemoryStream(FlushBytes * 2);
        var lines = 0L;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            WriteLine(entry, format, namesContainers, buffer);
            lines++;
            if (buffer.Length >= FlushBytes)
                await SendAsync(buffer, into, cancellationToken);
        }

        await SendAsync(buffer, into, cancellationToken);
        return lines;
    }

    private static void WriteLine(LogEntry entry, LogFileFormat format, bool namesContainers, MemoryStream buffer)
    {
        if (format == LogFileFormat.Ndjson)
            JsonSerializer.Serialize(buffer, LogMessage.From(entry), ApiJson.Options);
        else
            buffer.Write(Encoding.UTF8.GetBytes(TextOf(entry, namesContainers)));
        buffer.WriteByte((byte)'\n');
    }

    /// <summary>The time (UTC, to the microsecond), the stream, the container when a service's lines are written, the text.</summary>
    private static string TextOf(LogEntry entry, bool namesContainers)
    {
        var time = entry.Line.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return namesContainers ? $"{time} {entry.Line.Source} {entry.Source.ContainerName} {entry.Line.Text}" : $"{time} {entry.Line.Source} {entry.Line.Text}";
    }

    private static async Task SendAsync(MemoryStream buffer, Stream into, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
            return;
        await into.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await into.FlushAsync(cancellationToken);
        buffer.SetLength(0);
    }
}
