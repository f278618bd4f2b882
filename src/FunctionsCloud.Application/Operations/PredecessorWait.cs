using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Operations;

/// <summary>The operation a terminate took over (<see cref="OperationTakeover"/>), as the activity that looks at it is asked.</summary>
public sealed record PredecessorQuery(string Namespace, Guid ActionUuid);

/// <summary>
/// The first step of a terminate that took its object over from an operation in flight: it looks, with a durable timer
/// between looks, until that operation has stopped at its safe point and ended, so that the two never write the
/// object's nodes or containers at once. After <see cref="Patience"/> it goes on regardless (that orchestration is stuck).
/// Deterministic: only the context's clock and timers.
/// </summary>
public static class PredecessorWait
{
    public const string HasEnded = "HasTakenOverOperationEnded";

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    public static async Task ForAsync(TaskOrchestrationContext context, string @namespace, Guid? predecessor)
    {
        if (predecessor is not { } uuid)
            return;
        var giveUp = context.CurrentUtcDateTime.Add(Patience);
        while (!await context.CallActivityAsync<bool>(HasEnded, new PredecessorQuery(@namespace, uuid), OperationRetries.Step)
            && context.CurrentUtcDateTime < giveUp)
            await context.CreateTimer(Pause, CancellationToken.None);
    }
}
