using FunctionsCloud.Domain.Actions;

namespace FunctionsCloud.Application.Operations;

/// <summary>A new operation as <see cref="OperationSlot"/> starts it.</summary>
/// <param name="Prepare">Checks and changes the object for this operation (target, state); throws to refuse, changing nothing.</param>
/// <param name="Orchestrator">The orchestration to schedule; null when the caller runs it itself, as a sub-orchestration.</param>
/// <param name="Input">The orchestration's input, given the operation in flight it takes over (if any).</param>
public sealed record SlotStart<T>(OperationClaim Claim, ActionRecord Action, string? Orchestrator, Action<T> Prepare, Func<Guid?, object> Input)
    where T : class;
