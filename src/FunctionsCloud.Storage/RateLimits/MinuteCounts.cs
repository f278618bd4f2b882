using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.RateLimits;

/// <summary>
/// Counts events per minute in one partition of a table, one row per minute, raised with If-Match (or added, for the
/// minute's first event): concurrent callers on any instance each land one increment or start over, so no more than
/// the limit pass. The minute's first event also removes the partition's rows of earlier minutes, so a partition keeps
/// at most the row of its last busy minute.
/// </summary>
internal static class MinuteCounts
{
    public static string MinuteKey(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>Counts one event unless <paramref name="limit"/> were counted in this minute already: false then, and nothing is counted.</summary>
    public static async Task<bool> TryCountAsync(TableClient client, string partition, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var row = MinuteKey(now);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryIncrementAsync(client, partition, row, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < OptimisticUpdate.MaxAttempts * 3)
            {
                // Another caller counted first: read again, after the same backoff as every optimistic update.
                await Task.Delay(OptimisticUpdate.Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Removes every count of the partition.</summary>
    public static Task ForgetAsync(TableClient client, string partition, CancellationToken cancellationToken) =>
        DeleteRowsAsync(client, partition, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);

    private static async Task<bool> TryIncrementAsync(TableClient client, string partition, string row, int limit, CancellationToken cancellationToken)
    {
        var stored = await client.GetEntityIfExistsAsync<MinuteCountEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!stored.HasValue)
        {
            if (limit < 1)
                return false;
            await client.AddEntityAsync(new MinuteCountEntity { PartitionKey = partition, RowKey = row, Calls = 1 }, cancellationToken).ConfigureAwait(false);
            await DeleteEarlierMinutesAsync(client, partition, row, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var entity = stored.Value!;
        if (entity.Calls >= limit)
            return false;
        entity.Calls++;
        await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Earlier minutes no longer limit anything. Best effort: the event is counted already, and what is left is
    /// removed at the partition's next busy minute.
    /// </summary>
    private static async Task DeleteEarlierMinutesAsync(TableClient client, string partition, string minute, CancellationToken cancellationToken)
    {
        try
        {
            await DeleteRowsAsync(client, partition, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {minute}"), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Left for the next minute's first event.
        }
    }

    /// <summary>Another caller may be removing the same rows: 404 is no failure.</summary>
    private static async Task DeleteRowsAsync(TableClient client, string partition, string filter, CancellationToken cancellationToken)
    {
        await foreach (var row in client.QueryAsync<MinuteCountEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await RowDeletion.DeleteIfExistsAsync(client, partition, row.RowKey, cancellationToken).ConfigureAwait(false);
        }
    }
}
