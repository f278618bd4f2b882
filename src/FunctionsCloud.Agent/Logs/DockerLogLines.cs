using System.Buffers.Binary;
using System.Globalization;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// Splits the engine's multiplexed log stream (asked for with timestamps) into lines. Each frame is one message of the
/// engine: its RFC 3339 time, a space, then the text. The engine cuts a line longer than 16 KiB into parts, one frame
/// each, each with a time, and only the last ends in a line break: parts are joined under the first part's time.
/// Text that is not UTF-8 is replaced, not rejected. A line longer than <see cref="MaxLineBytes"/> is cut there, and
/// what follows becomes further lines of at most that size with the same time (nothing is dropped).
/// </summary>
public sealed class DockerLogLines(Stream stream)
{
    public const int MaxLineBytes = 64 * 1024;
    private const int HeaderBytes = 8;
    private const byte StderrTarget = 2;
    private readonly byte[] _header = new byte[HeaderBytes];
    private readonly PartialLine _stdout = new(LogLine.Stdout);
    private readonly PartialLine _stderr = new(LogLine.Stderr);
    private readonly Queue<LogLine> _ready = new();
    private byte[] _frame = new byte[16 * 1024 + 64];

    /// <summary>The next line, or null when the stream ended (the container stopped, or was removed).</summary>
    public async Task<LogLine?> NextAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0)
        {
            if (!await FillAsync(_header, cancellationToken).ConfigureAwait(false))
                return End();
            var size = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(4));
            if (size > _frame.Length)
                _frame = new byte[Math.Min(size, MaxLineBytes + 64)];
            var pending = _header[0] == StderrTarget ? _stderr : _stdout;
            // The engine's frames are at most 16 KiB and a time; a larger one is read (and cut) in pieces all the same.
            var at = (DateTimeOffset?)null;
            for (var left = size; left > 0;)
            {
                var piece = Math.Min(left, _frame.Length);
                if (!await FillAsync(_frame.AsMemory(0, piece), cancellationToken).ConfigureAwait(false))
                    return End();
                var text = _frame.AsSpan(0, piece);
                if (left == size)
                    at = Stamp(ref text);
                if (at is { } time)
                    pending.Add(time, text, _ready);
                left -= piece;
            }
        }

        return _ready.Dequeue();
    }

    private LogLine? End()
    {
        _stdout.Flush(_ready);
        _stderr.Flush(_ready);
        return _ready.TryDequeue(out var last) ? last : null;
    }

    /// <summary>Reads exactly the buffer's length; false when the stream ended first.</summary>
    private async Task<bool> FillAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        for (var filled = 0; filled < buffer.Length;)
        {
            var read = await stream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return false;
            filled += read;
        }

        return true;
    }

    /// <summary>The frame's time, and the text after it; null for a frame that does not begin with one (it is skipped).</summary>
    private static DateTimeOffset? Stamp(ref Span<byte> frame)
    {
        var space = frame.IndexOf((byte)' ');
        if (space is < 0 or > 40)
            return null;
        var at = ParseTime(System.Text.Encoding.ASCII.GetString(frame[..space]));
        frame = frame[(space + 1)..];
        return at;
    }

    /// <summary>"2026-12-03T14:00:00.123456789Z": the engine's time has nanoseconds, .NET keeps 100 ns.</summary>
    public static DateTimeOffset? ParseTime(string stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var dot = stamp.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && stamp.Length - dot - 2 > 7)
            stamp = stamp[..(dot + 8)] + stamp[^1];
        return DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
