using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// The logs of a container or a service: a finished read (tail, since), or a follow stream that starts with that read
/// (or, given a cursor, right after the last line the client received) and then polls for new lines. Every line it
/// yields carries the cursor that resumes after it. Reads are bounded: at most <see cref="MaxConcurrentReads"/>
/// containers at once, <see cref="LogsOptions.MaxReadBytes"/> per request, and only containers that can have lines in
/// what is asked (one terminated before <c>since</c>, or before the newest <c>tail</c> lines read, is not read).
/// </summary>
public sealed class ContainerLogFeed(LogReader reader, FollowSchedule schedule, IOptions<LogsOptions> options)
{
    public const int MaxConcurrentReads = 4;

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

        var ending = new HashSet<Guid>();
        await foreach (var poll in schedule.PollsAsync(cancellationToken))
        {
            // Containers are looked up again now and then (a service gains some as it scales); one that is no longer
            // live is read until a poll finds nothing more, then dropped, with its place in the cursor.
            if (poll == 1 || poll % 5 == 0)
            {
                var live = await subject.RefreshAsync(cancellationToken);
                foreach (var source in live)
                    following.TryAdd(source.ContainerUuid, source);
                ending = [.. following.Keys.Except(live.Select(s => s.ContainerUuid))];
                if (poll == 1)
                    cursor.Retain(following.Values);
            }

            var sources = following.Values.ToList();
            var fresh = await ReadBoundedAsync(sources, (s, token) => reader.ReadAfterAsync(s, cursor[s], token), cancellationToken);
            var merged = LogMerge.ByTime(fresh);
            if (merged.Count == 0)
                yield return LogStreamItem.Nothing;
            foreach (var entry in merged)
                yield return Sent(cursor, entry);
            foreach (var (source, lines) in sources.Zip(fresh))
            {
                if (lines.Count == 0 && ending.Remove(source.ContainerUuid))
                {
                    following.Remove(source.ContainerUuid);
                    cursor.Retain(following.Values);
                }
            }
        }
    }

    private async Task<(IReadOnlyList<LogEntry> Entries, IReadOnlyList<(LogSource Source, LogPoint End)> Ends)> ReadWithEndsAsync(
        LogSubject subject, LogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(query);
        var budget = new ReadBudget(options.Value.MaxReadBytes);
        // Live containers first, then the terminated ones, most recently terminated first.
        var candidates = subject.Sources.Where(s => s.Ended is not { } ended || query.Since is not { } since || ended >= since)
            .OrderByDescending(s => s.Ended ?? DateTimeOffset.MaxValue).ToList();
        var read = new List<(LogSource Source, IReadOnlyList<LogEntry> Entries, LogPoint End)>();
        for (var next = 0; next < candidates.Count && !budget.IsSpent && !TailComplete(read, query.Tail, candidates[next].Ended); next += MaxConcurrentReads)
        {
            var wave = candidates.Skip(next).Take(MaxConcurrentReads).ToList();
            var results = await Task.WhenAll(wave.Select(s => reader.ReadAsync(s, query.Tail, query.Since, budget, cancellationToken)));
            read.AddRange(wave.Zip(results, (s, r) => (s, r.Entries, r.End)));
        }

        var merged = LogMerge.ByTime(read.Select(r => r.Entries));
        return (query.Tail is { } tail ? [.. merged.TakeLast(tail)] : merged, [.. read.Select(r => (r.Source, r.End))]);
    }

    /// <summary>Whether the newest <paramref name="tail"/> lines read are all later than anything a container terminated at <paramref name="nextEnded"/> printed.</summary>
    private static bool TailComplete(List<(LogSource Source, IReadOnlyList<LogEntry> Entries, LogPoint End)> read, int? tail, DateTimeOffset? nextEnded)
    {
        if (tail is not { } count || nextEnded is not { } ended)
            return false;
        if (count == 0)
            return true;
        var newest = read.SelectMany(r => r.Entries).Select(e => e.Line.Timestamp).OrderDescending().Take(count).ToList();
        return newest.Count == count && newest[^1] > ended;
    }

    /// <summary>Reads the sources, at most <see cref="MaxConcurrentReads"/> at once, each answer in the sources' order.</summary>
    private static async Task<IReadOnlyList<IReadOnlyList<LogEntry>>> ReadBoundedAsync(
        IReadOnlyList<LogSource> sources, Func<LogSource, CancellationToken, Task<IReadOnlyList<LogEntry>>> read, CancellationToken cancellationToken)
    {
        var answers = new IReadOnlyList<LogEntry>[sources.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count), new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken },
            async (i, token) => answers[i] = await read(sources[i], token));
        return answers;
    }

    private static LogStreamItem Sent(LogCursor cursor, LogEntry entry)
    {
        cursor[entry.Source] = entry.End;
        return new LogStreamItem(cursor.ToString(), LogMessage.From(entry));
    }
}
