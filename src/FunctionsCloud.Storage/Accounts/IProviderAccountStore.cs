namespace FunctionsCloud.Storage.Accounts;

/// <summary>Linked provider accounts: one row per namespace and provider.</summary>
public interface IProviderAccountStore
{
    Task<ProviderAccountRecord?> GetAsync(string @namespace, string provider, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProviderAccountRecord>> ListAsync(string @namespace, CancellationToken cancellationToken = default);

    /// <summary>Links the account, replacing one linked before.</summary>
    Task UpsertAsync(ProviderAccountRecord account, CancellationToken cancellationToken = default);

    /// <summary>False when there was nothing to unlink.</summary>
    Task<bool> DeleteAsync(string @namespace, string provider, CancellationToken cancellationToken = default);
}
