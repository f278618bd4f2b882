using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Connection;

/// <summary>
/// One table, created on first use: CreateIfNotExists runs once per process, not per call.
/// A failed creation is forgotten so the next call tries again.
/// </summary>
internal sealed class StorageTable(TableClient client)
{
    private readonly Lock _gate = new();
    private Task? _creation;

    /// <summary>The client without the creation check, for writes that must be exactly one request.</summary>
    public TableClient Client { get; } = client;

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
