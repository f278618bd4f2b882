using System.Threading.Channels;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// The lines of one container read from the engine and not stored yet, bounded by the memory they hold rather than
/// by their number: the writer (the engine's reader) waits while <paramref name="maxBytes"/> are queued. One writer,
/// one reader. Nothing is dropped here: while the writer waits, the engine keeps the container's output in its files.
/// </summary>
public sealed class LogLineQueue(long maxBytes)
{
    private readonly Channel<LogLine> _lines = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private TaskCompletionSource _room = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytes;

    /// <summary>What a line costs in memory: its text (UTF-16) and about the rest of the object.</summary>
    public static long SizeOf(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return (line.Text.Length * sizeof(char)) + 96;
    }

    /// <summary>The bytes queued now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public async ValueTask WriteAsync(LogLine line, CancellationToken cancellationToken)
    {
        while (Bytes >= maxBytes)
        {
            var room = Volatile.Read(ref _room);
            if (Bytes < maxBytes)
                break;
            await room.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.CompareExchange(ref _room, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), room);
        }

        Interlocked.Add(ref _bytes, SizeOf(line));
        _lines.Writer.TryWrite(line);
    }

    public bool TryRead(out LogLine line)
    {
        if (!_lines.Reader.TryRead(out line!))
            return false;
        if (Interlocked.Add(ref _bytes, -SizeOf(line)) < maxBytes)
            Volatile.Read(ref _room).TrySetResult();
        return true;
    }

    /// <summary>True when a line can be read; false once the writer completed and every line was read.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _lines.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>No more lines come (the reading ended, well or not: its error is the reading task's).</summary>
    public void Complete() => _lines.Writer.TryComplete();
}
