using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// A cancel request as an operation's orchestration sees it: the external event <see cref="EventName"/>, listened
/// for from the orchestration's start (an event that comes early is kept). The orchestration checks
/// <see cref="IsRequested"/> between its steps and waits through this class, so that a cancel cuts a wait short
/// and the operation stops at its next safe point. A terminate that took the operation's object over also sends
/// <see cref="TakenOverEvent"/> with its instance id: the operation tells it when it has ended (<see cref="TellSuccessor"/>).
/// Deterministic: only the context's timers and events.
/// </summary>
public sealed class OperationCancellation
{
    public const string EventName = "CancelOperation";
    public const string TakenOverEvent = "OperationTakenOver";

    private readonly TaskOrchestrationContext _context;
    private readonly Task _requested;
    private readonly Task<string?> _successor;

    private OperationCancellation(TaskOrchestrationContext context)
    {
        _context = context;
        _requested = context.WaitForExternalEvent<string?>(EventName);
        _successor = context.WaitForExternalEvent<string?>(TakenOverEvent);
    }

    /// <summary>Call once, first thing in the orchestrator.</summary>
    public static OperationCancellation Listen(TaskOrchestrationContext context) => new(context);

    public bool IsRequested => _requested.IsCompleted;

    /// <summary>Waits <paramref name="delay"/> on a durable timer; true when a cancel came first.</summary>
    public async Task<bool> IsCanceledWithinAsync(TimeSpan delay)
    {
        using var timer = new CancellationTokenSource();
        var canceled = await IsCanceledBeforeAsync(_context.CreateTimer(delay, timer.Token));
        if (canceled)
            timer.Cancel(); // nobody awaits the timer any more; synchronously, on the orchestrator's thread
        return canceled;
    }

    /// <summary>Waits for <paramref name="work"/>; true when a cancel came first (the work is then left unobserved).</summary>
    public async Task<bool> IsCanceledBeforeAsync(Task work)
    {
        await Task.WhenAny(work, _requested);
        return IsRequested;
    }

    /// <summary>Call last, once the operation's action has ended: the terminate that took its object over, if one did, goes on at once.</summary>
    public void TellSuccessor()
    {
        if (_successor is { IsCompletedSuccessfully: true, Result: { Length: > 0 } successor })
            _context.SendEvent(successor, PredecessorWait.EndedEvent, _context.InstanceId);
    }
}
