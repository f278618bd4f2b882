using FunctionsCloud.Domain.Nodes;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// What happens to a node silent for lost_after (it is Unreachable, and stays so until its agent calls again):
/// its containers are rescheduled elsewhere. Called once per silence, after the monitor recorded the Lost event;
/// must be idempotent, since a crash between the call and its end leads to no second call.
/// </summary>
public interface ILostNodeHandler
{
    /// <param name="durable">Starts the operations that move the containers; null where no orchestration can run (then only the loss is recorded).</param>
    Task HandleAsync(Node node, DurableTaskClient? durable, CancellationToken cancellationToken);
}
