using System.Reflection;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

/// <summary>
/// Rows in memory with the table's rules that service operations rely on: callers get copies (shallow: the models'
/// lists are replaced, never changed in place), writes check the version they read, lists come in uuid order and
/// filter on equal fields. Pagination and offset lists are not here: service operations do not use them.
/// </summary>
internal abstract class InMemoryStore<T>(string resource) : IEntityStore<T> where T : class
{
    private static readonly MethodInfo ShallowCopy = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
    private readonly Dictionary<(string Namespace, Guid Uuid), T> _rows = [];
    private int _versions;

    public IReadOnlySet<string> QueryableFields { get; } = new HashSet<string>();

    /// <summary>Every row of every namespace as stored now, in uuid order.</summary>
    public IReadOnlyList<T> All => _rows.Values.OrderBy(r => KeyOf(r).Uuid.ToString("D")).Select(Copy).ToList();

    /// <summary>The row as stored now.</summary>
    public T this[Guid uuid] => Copy(_rows.Single(r => r.Key.Uuid == uuid).Value);

    public Task CreateAsync(T item, CancellationToken cancellationToken = default)
    {
        Add(item);
        return Task.CompletedTask;
    }

    /// <summary>Stores a new row (arranging a test).</summary>
    public void Add(T item)
    {
        var key = KeyOf(item);
        if (_rows.ContainsKey(key))
            throw new EntityAlreadyExistsException(resource, key.Namespace, key.Uuid.ToString());
        Store(item);
    }

    /// <summary>Another writer changes a row (arranging a test): copies read before no longer match.</summary>
    public void Change(Guid uuid, Action<T> change)
    {
        var row = this[uuid];
        change(row);
        Store(row);
    }

    public Task<T?> GetAsync(string @namespace, Guid uuid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue((@namespace, uuid), out var row) ? Copy(row) : null);

    public Task UpdateAsync(T item, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(item);
        if (!_rows.TryGetValue(key, out var stored))
            throw new EntityNotFoundException(resource, key.Namespace, key.Uuid.ToString());
        if (VersionOf(stored) != (VersionOf(item) ?? throw new InvalidOperationException("The item was never read.")))
            throw new ConcurrencyConflictException(resource, key.Namespace, key.Uuid.ToString());
        Store(item);
        return Task.CompletedTask;
    }

    public Task<T?> UpdateAsync(string @namespace, Guid uuid, Func<T, bool> change, CancellationToken cancellationToken = default) =>
        OptimisticUpdate.RunAsync(ct => GetAsync(@namespace, uuid, ct), change, UpdateAsync, cancellationToken);

    public Task<T?> UpdateAsync(string @namespace, Guid uuid, T known, Func<T, bool> change, CancellationToken cancellationToken = default) =>
        OptimisticUpdate.RunAsync(ct => GetAsync(@namespace, uuid, ct), change, UpdateAsync, cancellationToken, first: known);

    public Task<QueryPage<T>> QueryPageAsync(string @namespace, TableQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        Task.FromResult(new QueryPage<T>(Where(@namespace, row => query.Filters.All(f => Matches(row, f))), null));

    public Task<ListResult<T>> ListAsync(string @namespace, TableQuery query, int offset, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    protected abstract (string Namespace, Guid Uuid) KeyOf(T item);

    protected abstract string? VersionOf(T item);

    protected abstract void SetVersion(T item, string version);

    /// <summary>A field's value as lists filter on it (the API's name and spelling).</summary>
    protected virtual string? FieldOf(T item, string field) => throw new NotSupportedException($"No filter on {field} here.");

    protected IReadOnlyList<T> Where(string @namespace, Func<T, bool> predicate) => _rows
        .Where(r => r.Key.Namespace == @namespace && predicate(r.Value))
        .OrderBy(r => r.Key.Uuid.ToString("D"), StringComparer.Ordinal)
        .Select(r => Copy(r.Value))
        .ToList();

    protected bool Contains(T item) => _rows.ContainsKey(KeyOf(item));

    /// <summary>Stores a copy under a new version and gives the caller's item that version, as a table write does.</summary>
    protected void Store(T item)
    {
        SetVersion(item, $"v{++_versions}");
        _rows[KeyOf(item)] = Copy(item);
    }

    private bool Matches(T row, FieldFilter filter) => filter.Operator == FilterOperator.Equals
        ? FieldOf(row, filter.Field) == filter.Value
        : throw new NotSupportedException($"No {filter.Operator} filters here.");

    private static T Copy(T row) => (T)ShallowCopy.Invoke(row, null)!;
}
