using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Application.Tests.Agents.Support;

/// <summary>
/// Container rows in memory with the table's rules that matter to the report recorder: callers get copies,
/// writes check the version they read (If-Match). Counts reads and writes; what the recorder never calls is not here.
/// </summary>
internal sealed class InMemoryContainerStore : IContainerStore
{
    private readonly Dictionary<Guid, Container> _rows = [];
    private int _versions;

    public int Lists { get; private set; }
    public int Gets { get; private set; }
    public int Writes { get; private set; }

    public IReadOnlySet<string> QueryableFields { get; } = new HashSet<string>();

    public void Add(Container row)
    {
        row.Version = NextVersion();
        _rows[row.Uuid] = Copy(row);
    }

    /// <summary>The row as stored now.</summary>
    public Container this[Guid uuid] => Copy(_rows[uuid]);

    /// <summary>Another writer changes the row (a user's stop, a redeploy): copies read before no longer match.</summary>
    public void WriteElsewhere(Guid uuid, Action<Container> change)
    {
        var row = _rows[uuid];
        change(row);
        row.Version = NextVersion();
    }

    public Task<IReadOnlyList<Container>> ListLiveByNodeAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken = default)
    {
        Lists++;
        IReadOnlyList<Container> live = _rows.Values
            .Where(c => c.Namespace == @namespace && c.NodeUuid == nodeUuid && c.State != ContainerState.Terminated)
            .OrderBy(c => c.Uuid).Select(Copy).ToList();
        return Task.FromResult(live);
    }

    public Task<Container?> GetAsync(string @namespace, Guid uuid, CancellationToken cancellationToken = default)
    {
        Gets++;
        return Task.FromResult(_rows.TryGetValue(uuid, out var row) && row.Namespace == @namespace ? Copy(row) : null);
    }

    public Task UpdateAsync(Container item, CancellationToken cancellationToken = default)
    {
        if (!_rows.TryGetValue(item.Uuid, out var stored))
            throw new EntityNotFoundException("container", item.Namespace, item.Uuid.ToString());
        if (stored.Version != item.Version)
            throw new ConcurrencyConflictException("container", item.Namespace, item.Uuid.ToString());
        Writes++;
        item.Version = NextVersion();
        _rows[item.Uuid] = Copy(item);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Container>> ListByServiceAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Container>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CreateManyAsync(IReadOnlyList<Container> containers, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CreateAsync(Container item, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Container?> UpdateAsync(string @namespace, Guid uuid, Func<Container, bool> change, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Container?> UpdateAsync(string @namespace, Guid uuid, Container known, Func<Container, bool> change, CancellationToken cancellationToken = default) =>
        OptimisticUpdate.RunAsync(ct => GetAsync(@namespace, uuid, ct), change, UpdateAsync, cancellationToken, first: known);

    public Task<QueryPage<Container>> QueryPageAsync(string @namespace, TableQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ListResult<Container>> ListAsync(string @namespace, TableQuery query, int offset, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    private string NextVersion() => $"v{++_versions}";

    private static Container Copy(Container row)
    {
        var copy = new Container
        {
            Uuid = row.Uuid,
            Namespace = row.Namespace,
            ServiceUuid = row.ServiceUuid,
            ServiceName = row.ServiceName,
            Number = row.Number,
            NodeUuid = row.NodeUuid,
            Spec = row.Spec,
            CreatedDatetime = row.CreatedDatetime,
            Desired = row.Desired,
            Revision = row.Revision,
            ReportedRevision = row.ReportedRevision,
            ExitCode = row.ExitCode,
            ExitCodeMsg = row.ExitCodeMsg,
            DockerId = row.DockerId,
            PrivateIp = row.PrivateIp,
            Ports = row.Ports,
            StartedDatetime = row.StartedDatetime,
            StoppedDatetime = row.StoppedDatetime,
            DestroyedDatetime = row.DestroyedDatetime,
            Version = row.Version,
        };
        copy.Restore(row.State);
        return copy;
    }
}
