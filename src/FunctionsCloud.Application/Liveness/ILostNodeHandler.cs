using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Application.Liveness;

/// <summary>
/// What happens to a node silent for lost_after (it is Unreachable, and stays so until its agent calls again):
/// its containers are rescheduled elsewhere. Called once per silence, after the monitor recorded the Lost event;
/// must be idempotent, since a crash between the call and its end leads to no second call.
/// </summary>
public interface ILostNodeHandler
{
    Task HandleAsync(Node node, CancellationToken cancellationToken);
}
