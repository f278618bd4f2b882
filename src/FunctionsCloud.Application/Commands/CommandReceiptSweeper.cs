using FunctionsCloud.Storage.Commands;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Removes the receipts of commands received longer ago than <see cref="Retention"/>, so that the receipts table
/// holds a week of commands rather than every command ever sent. A message whose key comes back after that runs
/// again as a new command.
/// </summary>
public sealed partial class CommandReceiptSweeper(ICommandReceiptStore receipts, TimeProvider clock, ILogger<CommandReceiptSweeper> logger)
{
    /// <summary>A queue message's default time to live: by then a message sent once has been delivered for good or expired.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Retention;
        var deleted = await receipts.DeleteReceivedBeforeAsync(before, cancellationToken);
        if (deleted > 0)
            LogSwept(logger, deleted, before);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} command receipt(s) received before {Before:u}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset before);
}
