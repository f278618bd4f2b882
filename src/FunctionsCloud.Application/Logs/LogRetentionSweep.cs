using FunctionsCloud.Storage.Logs;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Logs;

/// <summary>Deletes log segments last written more than RetentionDays ago, where no lifecycle rule of the storage account does (locally).</summary>
public sealed class LogRetentionSweep(ILogBlobs blobs, IOptions<LogsOptions> options, TimeProvider clock)
{
    /// <summary>Returns how many segments went; none when the sweep is off (<see cref="LogsOptions.RetentionSweep"/>).</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken) =>
        options.Value.RetentionSweep
            ? blobs.DeleteWrittenBeforeAsync(clock.GetUtcNow().AddDays(-options.Value.RetentionDays), cancellationToken)
            : Task.FromResult(0);
}
