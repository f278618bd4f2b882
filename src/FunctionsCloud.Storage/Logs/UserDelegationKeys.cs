using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FunctionsCloud.Storage.Logs;

/// <summary>
/// The user delegation key that signs log SASs where shared keys are off, asked for once a day (it may live 7 days)
/// rather than once per SAS. A SAS may not outlive the key that signed it, so a key is renewed before that would happen.
/// </summary>
internal sealed class UserDelegationKeys(BlobServiceClient blobs, TimeProvider clock)
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// The service refuses a key expiring more than 7 days after its own clock's now; ours may be ahead of it. A SAS
    /// asked for longer (a 7-day credential lifetime) is signed by a key that ends this much earlier, and so does it.
    /// </summary>
    public static readonly TimeSpan MaxKeyLifetime = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<UserDelegationKey> ForAsync(DateTimeOffset sasExpiresAt, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            var needed = Earliest(sasExpiresAt, now + MaxKeyLifetime);
            if (_key is null || _key.SignedExpiresOn < needed)
            {
                var (starts, expires) = Validity(now, sasExpiresAt);
                _key = (await blobs.GetUserDelegationKeyAsync(starts, expires, cancellationToken).ConfigureAwait(false)).Value;
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// What a key asked for at <paramref name="now"/> covers: from a little in the past (the service's clock may be
    /// behind ours) to a day on, or to the SAS's expiry when later, never beyond <see cref="MaxKeyLifetime"/>.
    /// </summary>
    public static (DateTimeOffset Starts, DateTimeOffset Expires) Validity(DateTimeOffset now, DateTimeOffset sasExpiresAt) =>
        (now.AddMinutes(-5), Earliest(sasExpiresAt > now + KeyLifetime ? sasExpiresAt : now + KeyLifetime, now + MaxKeyLifetime));

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
