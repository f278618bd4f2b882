using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>Who asks for which operation on a service (or one of its containers), as <see cref="ServiceOperationStarter"/> starts it.</summary>
/// <param name="ContainerUuid">The container of the Container* kinds.</param>
/// <param name="NodeUuid">The node a system operation is about (a Reschedule's lost node, a Scale's new node).</param>
/// <param name="PlannedAction">The new action's uuid, when the caller fixed it beforehand (to recognise its own retries); else a new one.</param>
/// <param name="JoinsSame">Whether the same operation in flight answers the request instead of a 409 (see <see cref="Operations.OperationClaim.JoinsSame"/>).</param>
/// <param name="AsSubOrchestration">Whether the caller runs the operation's orchestration itself, as a sub-orchestration under the action's uuid (a stack's operation); else it is scheduled.</param>
public sealed record ServiceOperationRequest(
    Caller Caller, RequestInfo Request, Guid ServiceUuid, ServiceOperationKind Kind,
    Guid? ContainerUuid = null, Guid? NodeUuid = null, Guid? PlannedAction = null, bool JoinsSame = false,
    bool AsSubOrchestration = false);
