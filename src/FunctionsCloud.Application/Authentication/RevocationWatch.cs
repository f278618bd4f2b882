using FunctionsCloud.Storage.ApiKeys;

namespace FunctionsCloud.Application.Authentication;

/// <summary>
/// Learns that some key was revoked, on any instance, by reading one shared row (the revocation generation) at most
/// every <see cref="CheckEvery"/>, whatever the number of keys and requests. Each change it sees starts a new epoch:
/// keys remembered in an older one are looked up again, so a revoked key is refused within about
/// <see cref="CheckEvery"/> plus one table read.
/// </summary>
public sealed class RevocationWatch(IApiKeyStore keys, TimeProvider clock)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private string? _generation;
    private long _epoch;
    private long _checkedAtTicks; // 0001-01-01: the first call reads

    /// <summary>The current epoch, after reading the generation when the last read is older than <see cref="CheckEvery"/>.</summary>
    public async ValueTask<long> EpochAsync(CancellationToken cancellationToken)
    {
        if (!IsDue())
            return Interlocked.Read(ref _epoch);
        // One read at a time: requests that find it due meanwhile wait for it rather than read too.
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (IsDue())
            {
                var startedAt = clock.GetUtcNow().UtcTicks;
                var generation = await keys.RevocationGenerationAsync(cancellationToken);
                if (_generation is not null && generation != _generation)
                    Interlocked.Increment(ref _epoch);
                _generation = generation;
                Interlocked.Exchange(ref _checkedAtTicks, startedAt);
            }
        }
        finally
        {
            _reading.Release();
        }

        return Interlocked.Read(ref _epoch);
    }

    /// <summary>A revocation made here takes effect here at once, without waiting for the next read.</summary>
    public void Invalidate() => Interlocked.Increment(ref _epoch);

    /// <summary>
    /// Tells every instance that what it remembers of keys may be wrong now (a key revoked, a user removed, a team's
    /// members or role changed): one write, and a new epoch here at once.
    /// </summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await keys.BumpRevocationGenerationAsync(cancellationToken);
        Invalidate();
    }

    private bool IsDue() => clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _checkedAtTicks) >= CheckEvery.Ticks;
}
