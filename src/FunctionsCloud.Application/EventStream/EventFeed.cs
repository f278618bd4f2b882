using System.Runtime.CompilerServices;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Logs;
using FunctionsCloud.Storage.Changes;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.EventStream;

/// <summary>
/// The caller's namespace's events (every change of its node clusters, nodes, services, containers and actions): a
/// finished read of those after a point, or a follow stream that polls the namespace's change log with one range
/// query per poll, from the client's last event on, until the client goes, its key stops working, or the follow
/// schedule ends (the client then reconnects with Last-Event-ID and misses nothing).
/// </summary>
public sealed class EventFeed(IChangeLog log, FollowSchedule schedule, IOptions<EventsOptions> options)
{
    /// <summary>The most events one poll reads; more wait for the next poll.</summary>
    public const int PollBatch = 500;

    /// <summary>
    /// Throws <see cref="EventsNoLongerKeptException"/> when the query reads on from a point whose later events
    /// retention has deleted (an id before the oldest kept, or a time at or before the newest deleted): one point read,
    /// only when the query names such a point.
    /// </summary>
    public async Task EnsureKeptAsync(Caller caller, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        if (query.After is null && query.Since is null)
            return;
        if (await log.FloorAsync(caller.Namespace, cancellationToken) is { } floor
            && (query.After < floor.LastDeleted || (query.After is null && query.Since <= floor.NewestDeleted)))
            throw new EventsNoLongerKeptException(floor, options.Value.RetentionDays);
    }

    public async Task<(IReadOnlyList<EventMessage> Items, int Total)> ListAsync(Caller caller, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        await log.CatchUpAsync(caller.Namespace, cancellationToken);
        var page = await log.ListAsync(caller.Namespace, query.After ?? 0, query.Since, query.List.Offset, query.List.Limit, cancellationToken);
        return ([.. page.Items.Select(EventMessage.From)], page.TotalCount);
    }

    /// <param name="stillAllowed">Whether the caller's key still works (checked before every poll; revoked or expired ends the stream).</param>
    public async IAsyncEnumerable<IStreamItem> FollowAsync(
        Caller caller, EventQuery query, Func<CancellationToken, Task<bool>> stillAllowed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(stillAllowed);
        var after = await StartAsync(caller.Namespace, query, cancellationToken);
        yield return new EventStreamItem(null, EventId.Of(after));
        await foreach (var _ in schedule.PollsAsync(cancellationToken))
        {
            if (!await stillAllowed(cancellationToken))
                yield break;
            await log.CatchUpAsync(caller.Namespace, cancellationToken);
            var changes = await log.ReadAfterAsync(caller.Namespace, after, PollBatch, cancellationToken);
            if (changes.Count == 0)
                yield return EventStreamItem.Nothing;
            foreach (var change in changes)
            {
                after = change.Sequence;
                yield return new EventStreamItem(EventMessage.From(change));
            }
        }
    }

    /// <summary>Where a follower begins: after its last event; else before the first event at <c>since</c>; else after the last one so far.</summary>
    private async Task<long> StartAsync(string @namespace, EventQuery query, CancellationToken cancellationToken)
    {
        if (query.After is { } after)
            return after;
        if (query.Since is { } since)
        {
            var first = await log.ListAsync(@namespace, 0, since, 0, 1, cancellationToken);
            if (first.Items.Count > 0)
                return first.Items[0].Sequence - 1;
        }

        return await log.LastSequenceAsync(@namespace, cancellationToken);
    }
}
