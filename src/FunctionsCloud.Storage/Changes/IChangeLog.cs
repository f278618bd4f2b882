using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Changes;

/// <summary>
/// Every change of every object of a namespace, in the order they were logged (sequence 1, 2, 3… without gaps). Every
/// write of a node cluster, node, service, container or action adds its change in the same transaction as the object
/// (an outbox row beside it), and the change reaches this log right after, or at the next <see cref="CatchUpAsync"/>.
/// </summary>
public interface IChangeLog
{
    /// <summary>The changes after sequence <paramref name="after"/>, oldest first: one range query, at most <paramref name="max"/> of them.</summary>
    Task<IReadOnlyList<ObjectChange>> ReadAfterAsync(string @namespace, long after, int max, CancellationToken cancellationToken);

    /// <summary>The changes after sequence <paramref name="after"/> and, when given, stamped at or after <paramref name="since"/>: a slice of that list and its total.</summary>
    Task<ListResult<ObjectChange>> ListAsync(string @namespace, long after, DateTimeOffset? since, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The number of the namespace's last change (0 before the first): one point read.</summary>
    Task<long> LastSequenceAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>Where the namespace's log begins now that retention deleted its oldest changes; null while none were: one point read.</summary>
    Task<ChangeLogFloor?> FloorAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>Deletes every namespace's changes stamped before <paramref name="cutoff"/> (the retention sweep); returns how many went.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Relays changes whose writers stopped before relaying them (at most every 30 s per namespace and instance unless forced).</summary>
    Task CatchUpAsync(string @namespace, CancellationToken cancellationToken, bool force = false);
}
