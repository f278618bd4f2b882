namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>API keys by user and key hash. Revoking is an upsert with <see cref="ApiKeyRecord.Revoked"/> set.</summary>
public interface IApiKeyStore
{
    /// <summary>The key of that user with that hash (revoked or not), or null. One point read.</summary>
    Task<ApiKeyRecord?> FindAsync(string user, string keyHash, CancellationToken cancellationToken = default);

    /// <summary>Stores the key, replacing a stored one with the same user and hash.</summary>
    Task UpsertAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the key unless one with the same user and hash is stored, a live key of the user has its label, or the user
    /// has <paramref name="maxLiveKeys"/> live keys: nothing changes then. Race-free across instances: concurrent
    /// additions for one user land one at a time (a version row of the user's, written with If-Match in the key's
    /// transaction), each deciding on the keys as the one before it left them.
    /// </summary>
    Task<KeyAddition> AddAsync(ApiKeyRecord key, int maxLiveKeys = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Every key of the user, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Sets the key's last use, and nothing else of it; a key that is gone stays gone.</summary>
    Task RecordUseAsync(string user, string keyHash, DateTimeOffset usedAt, CancellationToken cancellationToken = default);

    /// <summary>A value that changes whenever <see cref="BumpRevocationGenerationAsync"/> runs; empty before it ever has. One point read.</summary>
    Task<string> RevocationGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells every instance that some key was revoked. One write, no read.</summary>
    Task BumpRevocationGenerationAsync(CancellationToken cancellationToken = default);
}
