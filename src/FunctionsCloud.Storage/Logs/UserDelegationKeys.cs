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
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<UserDelegationKey> ForAsync(DateTimeOffset sasExpiresAt, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is null || _key.SignedExpiresOn < sasExpiresAt)
            {
                var now = clock.GetUtcNow();
                var expires = sasExpiresAt > now + KeyLifetime ? sasExpiresAt : now + KeyLifetime;
                // Starts a little in the past: the service's clock may be behind ours.
                _key = (await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), expires, cancellationToken).ConfigureAwait(false)).Value;
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
