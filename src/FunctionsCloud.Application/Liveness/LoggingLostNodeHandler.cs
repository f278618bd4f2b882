using FunctionsCloud.Domain.Nodes;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Liveness;

/// <summary>The lost-node handling until containers exist to reschedule: it says so in the log.</summary>
public sealed partial class LoggingLostNodeHandler(ILogger<LoggingLostNodeHandler> logger) : ILostNodeHandler
{
    public Task HandleAsync(Node node, CancellationToken cancellationToken)
    {
        LogLost(logger, node.Uuid, node.Namespace, node.LastSeen);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} of namespace {Namespace} is lost (last seen {LastSeen}); its containers would be rescheduled.")]
    private static partial void LogLost(ILogger logger, Guid node, string @namespace, DateTimeOffset? lastSeen);
}
