using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Storage.Entities;

/// <summary>
/// What every namespaced store offers. Rows live in the partition of their namespace with their uuid as key;
/// a namespace never sees another's rows.
/// </summary>
public interface IEntityStore<T> where T : class
{
    /// <summary>The API fields lists can filter on (for the query-string parser).</summary>
    IReadOnlySet<string> QueryableFields { get; }

    /// <summary>Stores a new item and sets its Version. Throws <see cref="EntityAlreadyExistsException"/> if its uuid is taken.</summary>
    Task CreateAsync(T item, CancellationToken cancellationToken = default);

    /// <summary>The item, or null when the namespace has none with that uuid.</summary>
    Task<T?> GetAsync(string @namespace, Guid uuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored item if it is still the version that was read (If-Match) and sets the new Version.
    /// Throws <see cref="ConcurrencyConflictException"/> when it changed since, <see cref="EntityNotFoundException"/>
    /// when it is gone, <see cref="InvalidOperationException"/> when the item has no Version (never read).
    /// </summary>
    Task UpdateAsync(T item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads, applies <paramref name="change"/> (false: nothing to change, nothing written) and writes with If-Match,
    /// starting over on conflicts (<see cref="OptimisticUpdate"/>). Returns the item as stored, or null if there is none.
    /// </summary>
    Task<T?> UpdateAsync(string @namespace, Guid uuid, Func<T, bool> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="UpdateAsync(string, Guid, Func{T, bool}, CancellationToken)"/>, starting from <paramref name="known"/>, a copy
    /// read before (it is changed in place): no read unless another write came first.
    /// </summary>
    Task<T?> UpdateAsync(string @namespace, Guid uuid, T known, Func<T, bool> change, CancellationToken cancellationToken = default);

    /// <summary>One page of the filtered list, in uuid order; pass the token back for the next (1 to 1000 per page).</summary>
    Task<QueryPage<T>> QueryPageAsync(string @namespace, TableQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>The items at offset..offset+limit of the filtered list, in uuid order, and the list's total count.</summary>
    Task<ListResult<T>> ListAsync(string @namespace, TableQuery query, int offset, int limit, CancellationToken cancellationToken = default);
}
