using FunctionsCloud.Agent.Logs;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Tests.Logs;

/// <summary>The queue between the engine's reader and storage is bounded by the memory its lines hold, not their number.</summary>
public sealed class LogLineQueueTests
{
    [Fact]
    public async Task The_writer_waits_once_the_lines_hold_the_bytes_allowed_and_goes_on_when_some_are_read()
    {
        var big = new LogLine(DateTimeOffset.UnixEpoch, LogLine.Stdout, new string('x', 64 * 1024));
        var queue = new LogLineQueue(maxBytes: 4 * LogLineQueue.SizeOf(big));
        for (var i = 0; i < 4; i++)
            Assert.True(queue.WriteAsync(big, CancellationToken.None).IsCompletedSuccessfully);

        var fifth = queue.WriteAsync(big, CancellationToken.None).AsTask();
        Assert.False(fifth.IsCompleted);
        Assert.Equal(4 * LogLineQueue.SizeOf(big), queue.Bytes);

        Assert.True(queue.TryRead(out _));
        await fifth.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(4 * LogLineQueue.SizeOf(big), queue.Bytes);
    }

    [Fact]
    public async Task Many_small_lines_fit_where_few_large_ones_do()
    {
        var small = new LogLine(DateTimeOffset.UnixEpoch, LogLine.Stdout, "ok");
        var queue = new LogLineQueue(maxBytes: 1024 * 1024);
        for (var i = 0; i < 5_000; i++)
            await queue.WriteAsync(small, CancellationToken.None);
        queue.Complete();

        var read = 0;
        while (await queue.WaitToReadAsync(CancellationToken.None))
        {
            while (queue.TryRead(out _))
                read++;
        }

        Assert.Equal(5_000, read);
        Assert.Equal(0, queue.Bytes);
    }
}
