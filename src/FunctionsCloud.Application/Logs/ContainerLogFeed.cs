using System.Runtime.CompilerServices;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// The logs of a container or a service: a finished read (tail, since), or a follow stream that starts with that read
/// (or, given a cursor, right after the last line the client received) and then polls for new lines. Every line it
/// yields carries the cursor that resumes after it.
/// </summary>
public sealed class ContainerLogFeed(LogReader reader, FollowSchedule schedule)
{
    public async Task<IReadOnlyList<LogEntry>> ReadAsync(LogSubject subject, LogQuery query, CancellationToken cancellationToken) =>
        (await ReadWithEndsAsync(subject, query, cancellationToken)).Entries;

    /// <param name="resume">The cursor the client sent back (Last-Event-ID), parsed before the stream began; null to begin with the query's read.</param>
    public async IAsyncEnumerable<LogStreamItem> FollowAsync(LogSubject subject, LogQuery query, LogCursor? resume, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(query);
        var cursor = resume ?? new LogCursor();
        var following = new Dictionary<Guid, LogSource>();
        if (resume is null)
        {
            var (first, ends) = await ReadWithEndsAsync(subject, query, cancellationToken);
            // Each container resumes from its first line shown, or after all it had: nothing is shown twice or skipped.
            foreach (var (source, end) in ends)
                cursor[source] = first.FirstOrDefault(e => e.Source.ContainerUuid == source.ContainerUuid)?.Begin ?? end;
            foreach (var entry in first)
                yield return Sent(cursor, entry);
        }

        await foreach (var poll in schedule.PollsAsync(cancellationToken))
        {
            // Containers are looked up again now and then (a service gains some as it scales); none is dropped while followed.
            if (poll == 1 || poll % 5 == 0)
            {
                foreach (var source in await subject.RefreshAsync(cancellationToken))
                    following.TryAdd(source.ContainerUuid, source);
            }

            var fresh = await Task.WhenAll(following.Values.Select(s => reader.ReadAfterAsync(s, cursor[s], cancellationToken)));
            var merged = LogMerge.ByTime(fresh);
            if (merged.Count == 0)
                yield return LogStreamItem.Nothing;
            foreach (var entry in merged)
                yield return Sent(cursor, entry);
        }
    }

    private async Task<(IReadOnlyList<LogEntry> Entries, IReadOnlyList<(LogSource Source, LogPoint End)> Ends)> ReadWithEndsAsync(
        LogSubject subject, LogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(query);
        var reads = await Task.WhenAll(subject.Sources.Select(s => reader.ReadAsync(s, query.Tail, query.Since, cancellationToken)));
        var merged = LogMerge.ByTime(reads.Select(r => r.Entries));
        return (query.Tail is { } tail ? [.. merged.TakeLast(tail)] : merged, [.. subject.Sources.Zip(reads, (s, r) => (s, r.End))]);
    }

    private static LogStreamItem Sent(LogCursor cursor, LogEntry entry)
    {
        cursor[entry.Source] = entry.End;
        return new LogStreamItem(cursor.ToString(), LogMessage.From(entry));
    }
}
