using FunctionsCloud.Application.Logs;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Logs;
using Microsoft.Extensions.Options;
using Moq;

namespace FunctionsCloud.Application.Tests.Logs;

/// <summary>What a read of a service's logs costs: only containers that can have lines in the answer are read, and a follower's cursor names live containers only.</summary>
public sealed class ContainerLogFeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);
    private readonly Mock<ILogBlobs> _blobs = new();
    private readonly Dictionary<Guid, byte[]> _logs = [];

    public ContainerLogFeedTests()
    {
        _blobs.Setup(b => b.ListSegmentsAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, Guid container, CancellationToken _) => _logs.TryGetValue(container, out var bytes)
                ? [new LogSegment(1, bytes.Length, Now)] : (IReadOnlyList<LogSegment>)[]);
        _blobs.Setup(b => b.ReadAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), 1, It.IsAny<long>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, Guid container, long _, long offset, long length, CancellationToken _) =>
                (ReadOnlyMemory<byte>)_logs[container].AsMemory((int)offset, (int)Math.Min(length, _logs[container].Length - offset)));
    }

    [Fact]
    public async Task Containers_terminated_before_since_or_before_the_newest_tail_lines_are_not_read()
    {
        var live = Source("web-3", ended: null, Now.AddMinutes(-1), Now.AddSeconds(-10));
        var recent = Source("web-2", ended: Now.AddMinutes(-30), Now.AddMinutes(-40), Now.AddMinutes(-31));
        var old = Enumerable.Range(0, 20).Select(i => Source($"old-{i}", ended: Now.AddDays(-2), Now.AddDays(-3), Now.AddDays(-2).AddMinutes(-1))).ToList();
        var subject = new LogSubject("web", [live, recent, .. old], NamesContainers: true, _ => Task.FromResult<IReadOnlyList<LogSource>>([live]));

        var since = await Feed().ReadAsync(subject, new LogQuery(null, Now.AddHours(-1), false, null), CancellationToken.None);
        Assert.Equal(["web-2", "web-2", "web-3", "web-3"], since.Select(e => e.Source.ContainerName));
        Assert.Equal(2, ContainersRead());

        _blobs.Invocations.Clear();
        var tail = await Feed().ReadAsync(subject, new LogQuery(3, null, false, null), CancellationToken.None);
        Assert.Equal(["web-2", "web-3", "web-3"], tail.Select(e => e.Source.ContainerName));
        Assert.True(ContainersRead() <= ContainerLogFeed.MaxConcurrentReads, $"{ContainersRead()} containers read for a tail of 3");
    }

    [Fact]
    public async Task A_followers_cursor_forgets_containers_that_ended()
    {
        var live = Source("web-1", ended: null, Now.AddSeconds(-2));
        var gone = Source("web-2", ended: Now.AddSeconds(-1), Now.AddSeconds(-3));
        var subject = new LogSubject("web", [live, gone], NamesContainers: true, _ => Task.FromResult<IReadOnlyList<LogSource>>([live]));
        var options = Options.Create(new LogsOptions { FollowPollMilliseconds = 100, FollowMaxSeconds = 1 });

        var ids = new List<string>();
        await foreach (var item in new ContainerLogFeed(new LogReader(_blobs.Object), new FollowSchedule(options, TimeProvider.System), options)
            .FollowAsync(subject, new LogQuery(null, null, true, null), null, CancellationToken.None))
        {
            if (item.Id is null)
                continue;
            ids.Add(item.Id);
            if (ids.Count == 2)
                Append(live, Now); // a new line for the polls to find
        }

        Assert.Equal(3, ids.Count);
        Assert.Contains(gone.Key, ids[1], StringComparison.Ordinal);
        Assert.Equal($"{live.Key}:1.{_logs[live.ContainerUuid].Length}", ids[2]);
    }

    private ContainerLogFeed Feed()
    {
        var options = Options.Create(new LogsOptions());
        return new ContainerLogFeed(new LogReader(_blobs.Object), new FollowSchedule(options, TimeProvider.System), options);
    }

    private int ContainersRead() =>
        _blobs.Invocations.Where(i => i.Method.Name == nameof(ILogBlobs.ReadAsync)).Select(i => (Guid)i.Arguments[1]!).Distinct().Count();

    private LogSource Source(string name, DateTimeOffset? ended, params DateTimeOffset[] lines)
    {
        var source = new LogSource(Guid.NewGuid(), Guid.NewGuid(), name, ended);
        _logs[source.ContainerUuid] = [];
        foreach (var at in lines)
            Append(source, at);
        return source;
    }

    private void Append(LogSource source, DateTimeOffset at) =>
        _logs[source.ContainerUuid] = [.. _logs[source.ContainerUuid], .. LogLineFormat.Encode(new LogLine(at, LogLine.Stdout, $"{source.ContainerName} at {at:O}"))];
}
