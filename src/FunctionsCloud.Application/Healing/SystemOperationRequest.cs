using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Identifiers;

namespace FunctionsCloud.Application.Healing;

/// <summary>An operation the control plane starts on its own: a reschedule off a lost node, or an EVERY_NODE service filling a new node.</summary>
/// <param name="ActionUuid">
/// The action the operation gets, fixed by what triggered it (<see cref="For"/>): the same trigger handled again (a
/// redelivered step, a retried registration) finds the action and starts no second one.
/// </param>
/// <param name="Round">How many rounds of tries found the service busy so far (see <see cref="SystemOperationRetryWorkflow"/>).</param>
public sealed record SystemOperationRequest(string Namespace, Guid ServiceUuid, ServiceOperationKind Kind, Guid NodeUuid, Guid ActionUuid, int Round = 0)
{
    /// <param name="trigger">What the operation answers, one name per occurrence (a node lost after a given heartbeat, a terminate's action, a node's registration).</param>
    /// <param name="at">When that happened: the action sorts there among the newest-first actions.</param>
    public static SystemOperationRequest For(string @namespace, Guid serviceUuid, ServiceOperationKind kind, Guid nodeUuid, string trigger, DateTimeOffset at) =>
        new(@namespace, serviceUuid, kind, nodeUuid, Uuid4.NewestFirstNamed($"{@namespace}/{trigger}/{serviceUuid:D}/{kind}", at));

    /// <summary>The retry orchestration's instance (one per action, so that queuing it again finds it).</summary>
    public string RetryInstanceId => RetryInstanceIdOf(ActionUuid);

    public static string RetryInstanceIdOf(Guid actionUuid) => $"system-{actionUuid:D}";
}
