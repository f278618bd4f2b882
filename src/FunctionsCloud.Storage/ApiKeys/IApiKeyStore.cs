namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>API keys by user and key hash. Revoking is an upsert with <see cref="ApiKeyRecord.Revoked"/> set.</summary>
public interface IApiKeyStore
{
    /// <summary>The key of that user with that hash (revoked or not), or null. One point read.</summary>
    Task<ApiKeyRecord?> FindAsync(string user, string keyHash, CancellationToken cancellationToken = default);

    /// <summary>Stores the key, replacing a stored one with the same user and hash.</summary>
    Task UpsertAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>Every key of the user, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string user, CancellationToken cancellationToken = default);
}
