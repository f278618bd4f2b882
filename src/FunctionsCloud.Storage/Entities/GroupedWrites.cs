using Azure;

namespace FunctionsCloud.Storage.Entities;

/// <summary>
/// Many guarded writes in few requests: the items of one partition go in transactions, and when a transaction
/// fails because one item changed meanwhile (404, 409, 412), its items are written one by one so the others
/// still land.
/// </summary>
internal static class GroupedWrites
{
    /// <summary>A transaction holds at most 100 operations.</summary>
    public const int MaxOperations = 100;

    /// <param name="together">Writes a group in one transaction (at most <paramref name="perTransaction"/> items of one partition); throws when a guard fails.</param>
    /// <param name="alone">Writes one item; false when its guard failed.</param>
    /// <returns>Per item, whether it was written.</returns>
    public static async Task<bool[]> RunAsync<T>(
        IReadOnlyList<T> items,
        Func<T, string> partition,
        int perTransaction,
        Func<IReadOnlyList<T>, CancellationToken, Task> together,
        Func<T, CancellationToken, Task<bool>> alone,
        CancellationToken cancellationToken)
    {
        var written = new bool[items.Count];
        var groups = items.Select((item, index) => (Item: item, Index: index))
            .GroupBy(x => partition(x.Item))
            .SelectMany(p => p.Chunk(perTransaction));
        await Task.WhenAll(groups.Select(async group =>
        {
            if (group.Length > 1)
            {
                try
                {
                    await together(group.Select(x => x.Item).ToList(), cancellationToken).ConfigureAwait(false);
                    foreach (var (_, index) in group)
                        written[index] = true;
                    return;
                }
                catch (RequestFailedException e) when (IsGuardFailure(e))
                {
                    // One item changed meanwhile: the others still deserve their write.
                }
            }

            foreach (var (item, index) in group)
                written[index] = await alone(item, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
        return written;
    }

    /// <summary>412: the row moved on; 404: a row is gone; 409: a row to add exists (a concurrent identical write won).</summary>
    public static bool IsGuardFailure(RequestFailedException e) => e.Status is 404 or 409 or 412;
}
