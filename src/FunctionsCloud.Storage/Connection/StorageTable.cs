using Azure.Data.Tables;
using FunctionsCloud.Storage.Changes;

namespace FunctionsCloud.Storage.Connection;

/// <summary>
/// One table, created on first use: CreateIfNotExists runs once per process, not per call.
/// A failed creation is forgotten so the next call tries again.
/// </summary>
/// <param name="changes">For the tables of objects the event stream tells about: the log their writes feed.</param>
internal sealed class StorageTable(TableClient client, ChangeLog? changes = null)
{
    private readonly Lock _gate = new();
    private Task? _creation;

    /// <summary>The client without the creation check, for writes that must be exactly one request.</summary>
    public TableClient Client { get; } = client;

    public ChangeLog? Changes { get; } = changes;

    public ValueTask<TableClient> ReadyAsync()
    {
        var creation = Volatile.Read(ref _creation);
        return creation is { IsCompletedSuccessfully: true } ? ValueTask.FromResult(Client) : new ValueTask<TableClient>(CreateAsync());
    }

    private async Task<TableClient> CreateAsync()
    {
        // Shared by concurrent first callers, so no caller's cancellation token applies to it.
        Task creation;
        lock (_gate)
            creation = _creation ??= Client.CreateIfNotExistsAsync();
        try
        {
            await creation.ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                if (_creation == creation)
                    _creation = null;
            }

            throw;
        }

        return Client;
    }
}
