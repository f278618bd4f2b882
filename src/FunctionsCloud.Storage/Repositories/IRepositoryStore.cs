namespace FunctionsCloud.Storage.Repositories;

/// <summary>Registered registry repositories: one row per namespace and repository.</summary>
public interface IRepositoryStore
{
    Task<RepositoryRecord?> GetAsync(string @namespace, string canonical, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RepositoryRecord>> ListAsync(string @namespace, CancellationToken cancellationToken = default);

    /// <summary>False when the namespace has registered the repository already.</summary>
    Task<bool> TryAddAsync(RepositoryRecord repository, CancellationToken cancellationToken = default);

    Task ReplaceAsync(RepositoryRecord repository, CancellationToken cancellationToken = default);

    /// <summary>False when there was nothing to forget.</summary>
    Task<bool> DeleteAsync(string @namespace, string canonical, CancellationToken cancellationToken = default);
}
