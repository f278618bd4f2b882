using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Concurrency;

/// <summary>
/// Decisions over a set of rows in one partition ("the label is free", "another administrator remains") that still hold
/// when their writes land: a version row of the set is read before the set, and the rows a decision writes go in one
/// transaction with the version row replaced under If-Match (or added). Whoever wrote to the set since makes the
/// transaction fail (409/412), and then the set is read and the decision made again. Writes that can only make such a
/// decision stricter than it had to be (a key revoked, a user added) need not take part.
/// </summary>
internal static class VersionedWrite
{
    /// <summary>What a decision answers, and the rows (of the version row's partition) it writes; none writes nothing.</summary>
    public sealed record Decision<T>(T Result, IReadOnlyList<TableTransactionAction> Writes);

    /// <summary>
    /// Runs <paramref name="decide"/> over a fresh read until its writes land, up to <paramref name="maxAttempts"/> times
    /// (then <see cref="ConcurrencyConflictException"/>). <paramref name="decide"/> may throw to refuse: nothing is written.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        TableClient client, string resource, string partition, string versionRow, int maxAttempts,
        Func<CancellationToken, Task<Decision<T>>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The version first: a write to the set after this read changes it, and then the transaction below fails.
            var version = await client.GetEntityIfExistsAsync<VersionEntity>(partition, versionRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var decision = await decide(cancellationToken).ConfigureAwait(false);
            if (decision.Writes.Count == 0)
                return decision.Result;
            var next = new VersionEntity { PartitionKey = partition, RowKey = versionRow, Version = Guid.NewGuid().ToString("N") };
            var bump = version.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, version.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, next);
            try
            {
                await client.SubmitTransactionAsync([.. decision.Writes, bump], cancellationToken).ConfigureAwait(false);
                return decision.Result;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                if (attempt >= maxAttempts)
                    throw new ConcurrencyConflictException(resource, partition, versionRow, e);
                await Task.Delay(OptimisticUpdate.Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
