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
    /// <summary>
    /// Best-effort: a failure (the service's read, the event) is logged and costs only the wake-up; only the caller's
    /// cancellation ends it. The services are looked up at once, so a report that moves several costs one round trip.
    /// </summary>
    public Task WakeAsync(string @namespace, IEnumerable<Guid> serviceUuids, DurableTaskClient durable, CancellationToken cancellationToken) =>
        Task.WhenAll(serviceUuids.Distinct().Select(uuid => WakeAsync(@namespace, uuid, durable, cancellationToken)));

    private async Task WakeAsync(string @namespace, Guid serviceUuid, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        try
        {
            if ((await services.GetAsync(@namespace, serviceUuid, cancellationToken))?.ActiveAction is { } operation)
                await durable.RaiseEventAsync(operation.ToString("D"), ServiceOperationNames.ContainersReported, cancellation: cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The operation is ending (or gone), or storage failed: its slow poll covers a lost wake-up.
            LogNotWoken(logger, serviceUuid, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The operation of service {Service} could not be told of a container report: {Reason}")]
    private static partial void LogNotWoken(ILogger logger, Guid service, string reason);
}
