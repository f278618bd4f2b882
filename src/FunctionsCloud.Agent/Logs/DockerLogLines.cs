using System.Globalization;
using System.Text;
using Docker.DotNet;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// Splits the engine's multiplexed log stream (asked for with timestamps) into lines: each begins with its RFC 3339
/// time, then a space. Text that is not UTF-8 is replaced, not rejected; a line longer than <see cref="MaxLineBytes"/>
/// is cut there (the engine itself splits lines at 16 KiB, each part with its time).
/// </summary>
public sealed class DockerLogLines(MultiplexedStream stream)
{
    public const int MaxLineBytes = 64 * 1024;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly List<byte> _stdout = [];
    private readonly List<byte> _stderr = [];
    private readonly Queue<LogLine> _ready = new();

    /// <summary>The next line, or null when the stream ended (the container stopped, or was removed).</summary>
    public async Task<LogLine?> NextAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0)
        {
            var read = await stream.ReadOutputAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                Flush(_stdout, LogLine.Stdout);
                Flush(_stderr, LogLine.Stderr);
                return _ready.TryDequeue(out var last) ? last : null;
            }

            var (pending, source) = read.Target == MultiplexedStream.TargetStream.StandardError ? (_stderr, LogLine.Stderr) : (_stdout, LogLine.Stdout);
            for (var i = 0; i < read.Count; i++)
            {
                if (_buffer[i] == (byte)'\n')
                {
                    Flush(pending, source);
                    continue;
                }

                pending.Add(_buffer[i]);
                if (pending.Count >= MaxLineBytes)
                    Flush(pending, source);
            }
        }

        return _ready.Dequeue();
    }

    private void Flush(List<byte> pending, string source)
    {
        if (pending.Count == 0)
            return;
        var text = Encoding.UTF8.GetString([.. pending]);
        pending.Clear();
        if (Parse(text, source) is { } line)
            _ready.Enqueue(line);
    }

    /// <summary>"2026-12-03T14:00:00.123456789Z text": the engine's time has nanoseconds, .NET keeps 100 ns.</summary>
    public static LogLine? Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var stamp = space < 0 ? text : text[..space];
        var dot = stamp.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && stamp.Length - dot - 2 > 7)
            stamp = stamp[..(dot + 8)] + stamp[^1];
        return DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? new LogLine(at, source, space < 0 ? "" : text[(space + 1)..])
            : null;
    }
}
