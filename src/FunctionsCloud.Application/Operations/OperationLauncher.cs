using FunctionsCloud.Application.Actions;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Actions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// The second half of starting any operation, once its resource's operation slot is taken: records the action,
/// then schedules the orchestration under the action's uuid (unless the caller runs it as a sub-orchestration of its
/// own: no orchestrator given, it starts it under the same id). When either fails, the slot is given back and a
/// recorded action ends Failed with the reason, so nothing is left half started.
/// </summary>
public sealed class OperationLauncher(IActionStore actions, ActionJournal journal)
{
    public async Task LaunchAsync(
        ActionRecord action, string? orchestrator, object input, DurableTaskClient durable, Func<Task> releaseSlot, CancellationToken cancellationToken)
    {
        var recorded = false;
        try
        {
            await actions.CreateAsync(action, cancellationToken);
            recorded = true;
            if (orchestrator is not null)
                await durable.ScheduleNewOrchestrationInstanceAsync(orchestrator, input,
                new StartOrchestrationOptions(action.Uuid.ToString("D")), cancellationToken);
        }
        catch (Exception failure)
        {
            await releaseSlot();
            if (recorded)
                await journal.FinishAsync(action.Namespace, action.Uuid, succeeded: false, $"The operation could not be started: {failure.Message}");
            throw;
        }
    }
}
