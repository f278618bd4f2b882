using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Concurrency;

/// <summary>
/// Read, change, write with If-Match, and on a conflict start over from a fresh read: several writers
/// (activities appending action logs, scaling, heartbeats) each land their change without locks.
/// </summary>
public static class OptimisticUpdate
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// Applies <paramref name="change"/> to a fresh copy until the write wins. <paramref name="change"/> may run
    /// more than once (once per attempt), so it must only change the item it is given. It returns false when
    /// there is nothing to change: nothing is written then. Returns the item as written, or null when
    /// <paramref name="read"/> finds none. After <see cref="MaxAttempts"/> conflicts the last one is thrown.
    /// </summary>
    /// <param name="first">
    /// A copy read before (at its version): the first attempt changes it instead of reading (if its row is gone by
    /// then, the next attempt's read finds none).
    /// </param>
    public static async Task<T?> RunAsync<T>(
        Func<CancellationToken, Task<T?>> read,
        Func<T, bool> change,
        Func<T, CancellationToken, Task> write,
        CancellationToken cancellationToken = default,
        T? first = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(write);
        for (var attempt = 1; ; attempt++)
        {
            var item = attempt == 1 && first is not null ? first : await read(cancellationToken).ConfigureAwait(false);
            if (item is null || !change(item))
                return item;
            try
            {
                await write(item, cancellationToken).ConfigureAwait(false);
                return item;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (EntityNotFoundException) when (ReferenceEquals(item, first))
            {
                // The copy read before is gone: the read says so (null), as it would have at first.
            }
        }
    }

    /// <summary>The wait before another try after a conflict: jittered and growing, so writers that collided do not collide again in step.</summary>
    internal static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10) * attempt);
}
