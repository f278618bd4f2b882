namespace FunctionsCloud.Storage.Triggers;

/// <summary>
/// Finds a trigger by the hash of its secret with one point read: a call brings only the secret, and triggers
/// are stored by namespace.
/// </summary>
public interface ITriggerSecretIndex
{
    Task AddAsync(string secretHash, TriggerAddress address, CancellationToken cancellationToken = default);

    /// <summary>The trigger the hash belongs to, or null.</summary>
    Task<TriggerAddress?> FindAsync(string secretHash, CancellationToken cancellationToken = default);

    /// <summary>Forgets the hash (nothing to do when it is unknown).</summary>
    Task RemoveAsync(string secretHash, CancellationToken cancellationToken = default);
}
