using FunctionsCloud.Application.Operations;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Healing;

/// <summary>
/// Tries to start a system operation while its service is busy, with a durable timer between tries, for up to an
/// hour: rounds of a few minutes, each a fresh history (ContinueAsNew), so that replays stay short.
/// </summary>
public static class SystemOperationRetryWorkflow
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);
    private const int TriesPerRound = 60;
    private const int MaxRounds = 12;

    public static async Task<bool> RunAsync(TaskOrchestrationContext context, SystemOperationRequest request)
    {
        for (var i = 0; i < TriesPerRound; i++)
        {
            if (await context.CallActivityAsync<bool>(HealingNames.TryStart, request, OperationRetries.TryStart))
                return true;
            await context.CreateTimer(Pause, CancellationToken.None);
        }

        if (request.Round + 1 < MaxRounds)
            context.ContinueAsNew(request with { Round = request.Round + 1 });
        return false;
    }
}
