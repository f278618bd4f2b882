using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Commands;

/// <summary>A rejected command of a known namespace becomes an action in state Failed whose log says why, so the key's holder sees it with the others.</summary>
public sealed class RejectedCommandActions(IActionStore actions, TimeProvider clock)
{
    public async Task<ActionRecord> RecordAsync(Caller caller, RequestInfo info, Command? command, string? objectUri, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var action = OperationActions.New(caller, info, Uuid4.NewestFirst(now), objectUri ?? "", CommandActionNames.Of(command), now, canBeCanceled: false);
        action.EndDate = now;
        action.AppendLog(now, "Rejected: " + reason);
        action.MoveTo(ActionState.Failed);
        await actions.CreateAsync(action, cancellationToken);
        return action;
    }
}
