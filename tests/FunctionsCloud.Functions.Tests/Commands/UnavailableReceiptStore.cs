using Azure;
using FunctionsCloud.Storage.Commands;

namespace FunctionsCloud.Functions.Tests.Commands;

/// <summary>A receipt table that answers 503 Server Busy to everything: a transient failure, as storage under load gives.</summary>
public sealed class UnavailableReceiptStore : ICommandReceiptStore
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public Task<CommandReceipt?> TryAddAsync(CommandReceipt receipt, CancellationToken cancellationToken = default) => Fail<CommandReceipt?>();

    public Task<CommandReceipt?> GetAsync(string @namespace, string key, CancellationToken cancellationToken = default) => Fail<CommandReceipt?>();

    public Task<CommandReceipt?> TryReplaceAsync(CommandReceipt receipt, CancellationToken cancellationToken = default) => Fail<CommandReceipt?>();

    public Task<int> DeleteReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => Fail<int>();

    private Task<T> Fail<T>()
    {
        Interlocked.Increment(ref _attempts);
        throw new RequestFailedException(503, "The server is busy.");
    }
}
