using Azure;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// Hands agents the credential for their node's log blobs with heartbeat answers: a new one when the agent holds none
/// or once half of its lifetime has passed, so that it is renewed well before it expires; nothing otherwise (the
/// common case costs no storage request). Storage that cannot issue one within <see cref="IssueTimeout"/>, whatever the
/// failure (refused, unreachable, no delegation key), fails no heartbeat: the agent asks again with its next one.
/// </summary>
public sealed partial class LogCredentialIssuer(ILogBlobs blobs, IOptions<LogsOptions> options, TimeProvider clock, ILogger<LogCredentialIssuer> logger)
{
    public static readonly TimeSpan IssueTimeout = TimeSpan.FromSeconds(5);

    /// <param name="held">When the agent's credential expires (epoch seconds), as its heartbeat said; null when it has none.</param>
    public async Task<LogCredential?> RenewAsync(Guid nodeUuid, long? held, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lifetime = TimeSpan.FromMinutes(settings.CredentialLifetimeMinutes);
        var now = clock.GetUtcNow();
        if (held is { } expires && expires is >= 0 and <= LogCredential.MaxExpires && DateTimeOffset.FromUnixTimeSeconds(expires) - now > lifetime / 2)
            return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(IssueTimeout);
        try
        {
            var until = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds());
            return new LogCredential(
                await blobs.IssueNodeSasAsync(nodeUuid, until, timeout.Token), until.ToUnixTimeSeconds(), settings.SegmentBytes, settings.SegmentsKept);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // No SAS exists yet when issuing fails, so none can be in what is logged.
            LogNotIssued(logger, nodeUuid, e is RequestFailedException refused ? $"storage answered {refused.Status} {refused.ErrorCode}" : e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeUuid}: no log credential could be issued ({Reason}); the next heartbeat asks again")]
    private static partial void LogNotIssued(ILogger logger, Guid nodeUuid, string reason);
}
