using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// The first steps of a terminate that took its object over from an operation in flight (<see cref="OperationSlot"/>):
/// it cancels that operation (an activity, so that the request that started the terminate has nothing left to do),
/// then waits until the operation has stopped at its safe point and ended, so that the two never write the object's
/// nodes or containers at once. The operation tells it so at its end (the event <see cref="EndedEvent"/>, see
/// <see cref="OperationCancellation.TellSuccessor"/>); a slow timer looks again should that event be lost. After
/// <see cref="Patience"/> the operation is stuck: it is stopped (its orchestration ended, its action Failed) before
/// the terminate goes on. Deterministic: only the context's clock, timers and events.
/// </summary>
public static class PredecessorWait
{
    public const string Cancel = "CancelTakenOverOperation";
    public const string HasEnded = "HasTakenOverOperationEnded";
    public const string StopStuck = "StopStuckTakenOverOperation";
    public const string EndedEvent = "PredecessorEnded";

    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LookAgain = TimeSpan.FromMinutes(1);

    public static async Task ForAsync(TaskOrchestrationContext context, string @namespace, Guid? predecessor, Guid successor)
    {
        if (predecessor is not { } uuid)
            return;
        var query = new PredecessorQuery(@namespace, uuid, successor);
        var giveUp = context.CurrentUtcDateTime.Add(Patience);
        var ended = await context.CallActivityAsync<bool>(Cancel, query, OperationRetries.Step);
        while (!ended)
        {
            if (context.CurrentUtcDateTime >= giveUp)
            {
                await context.CallActivityAsync(StopStuck, query, OperationRetries.Step);
                return;
            }

            await EndedOrLaterAsync(context, Min(LookAgain, giveUp - context.CurrentUtcDateTime));
            ended = await context.CallActivityAsync<bool>(HasEnded, query, OperationRetries.Step);
        }
    }

    private static async Task EndedOrLaterAsync(TaskOrchestrationContext context, TimeSpan timeout)
    {
        try
        {
            await context.WaitForExternalEvent<string?>(EndedEvent, timeout);
        }
        catch (TaskCanceledException)
        {
            // no word within the timeout: look again
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
