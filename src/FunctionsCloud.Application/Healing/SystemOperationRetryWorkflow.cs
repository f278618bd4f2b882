using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Healing;

/// <summary>Tries to start a system operation while its service is busy, with a durable timer between tries, for up to an hour.</summary>
public static class SystemOperationRetryWorkflow
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);
    private const int MaxTries = 720;

    public static async Task<bool> RunAsync(TaskOrchestrationContext context, SystemOperationRequest request)
    {
        for (var i = 0; i < MaxTries; i++)
        {
            if (await context.CallActivityAsync<bool>(HealingNames.TryStart, request))
                return true;
            await context.CreateTimer(Pause, CancellationToken.None);
        }

        return false;
    }
}
