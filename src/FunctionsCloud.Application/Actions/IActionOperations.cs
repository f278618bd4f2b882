using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Actions;

/// <summary>What cancel and retry need of one family of operations (node clusters, services), found from an action's name and object.</summary>
public interface IActionOperations
{
    bool Tracks(ActionRecord action);

    /// <summary>Null when the action's object still exists and is live, else why the operation cannot run again.</summary>
    Task<string?> RetryRefusalAsync(ActionRecord action, CancellationToken cancellationToken);

    /// <summary>Starts the action's operation again on the same object, through the operation's own starter (a busy object refuses).</summary>
    Task<ActionRecord> RetryAsync(ActionRecord action, Caller caller, RequestInfo request, DurableTaskClient durable, CancellationToken cancellationToken);

    /// <summary>Settles the object of a canceled action whose orchestration is gone, as the operation's Complete step would have.</summary>
    Task SettleAsync(ActionRecord action, CancellationToken cancellationToken);
}
