using FunctionsCloud.Storage.Services;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// Wakes the operations that wait on containers an agent's report just moved to another state: the operation that
/// holds each container's service gets <see cref="ServiceOperationNames.ContainersReported"/>, and looks at once
/// instead of at its next slow poll. Called only for reports that changed a container's state, never for quiet beats.
/// </summary>
public sealed partial class ContainerWaitWakeUps(IServiceStore services, ILogger<ContainerWaitWakeUps> logger)
{
    public async Task WakeAsync(string @namespace, IEnumerable<Guid> serviceUuids, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        foreach (var uuid in serviceUuids.Distinct())
        {
            if ((await services.GetAsync(@namespace, uuid, cancellationToken))?.ActiveAction is not { } operation)
                continue;
            try
            {
                await durable.RaiseEventAsync(operation.ToString("D"), ServiceOperationNames.ContainersReported, cancellation: cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The operation is ending (or gone): it has no use for the news, and its slow poll covers a lost one.
                LogNotWoken(logger, operation, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operation {Operation} could not be told of a container report: {Reason}")]
    private static partial void LogNotWoken(ILogger logger, Guid operation, string reason);
}
