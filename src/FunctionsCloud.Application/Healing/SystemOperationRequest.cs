using FunctionsCloud.Application.ServiceOperations;

namespace FunctionsCloud.Application.Healing;

/// <summary>An operation the control plane starts on its own: a reschedule off a lost node, or an EVERY_NODE service filling a new node.</summary>
/// <param name="Round">How many rounds of tries found the service busy so far (see <see cref="SystemOperationRetryWorkflow"/>).</param>
/// <param name="ActionUuid">The action the operation gets, fixed before the first try: a try run again finds it and starts no second one.</param>
public sealed record SystemOperationRequest(string Namespace, Guid ServiceUuid, ServiceOperationKind Kind, Guid NodeUuid, int Round = 0, Guid? ActionUuid = null);
