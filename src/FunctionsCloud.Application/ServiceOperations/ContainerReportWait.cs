using Microsoft.DurableTask;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// How a service operation waits between looks at its containers: until an agent's report changes one of them (the
/// event <see cref="ServiceOperationNames.ContainersReported"/> that the heartbeat path raises), or a slow poll in case
/// a report's event was lost. One event listener and one timer at a time serve every look of the orchestration, so
/// that a look adds few events to its history; a listener is never canceled (a canceled one would swallow the next
/// event). Deterministic: only the context's events and timers.
/// </summary>
public sealed class ContainerReportWait(TaskOrchestrationContext context, TimeSpan slowPoll)
{
    private Task? _reported;
    private Task? _poll;
    private CancellationTokenSource? _pollTimer;

    /// <summary>Completes when a report came (since the last look, or from now on) or the slow poll is due.</summary>
    public Task NextAsync()
    {
        if (_reported is null || _reported.IsCompleted)
            _reported = context.WaitForExternalEvent<string?>(ServiceOperationNames.ContainersReported);
        if (_poll is null || _poll.IsCompleted)
        {
            _pollTimer = new CancellationTokenSource();
            _poll = context.CreateTimer(slowPoll, _pollTimer.Token);
        }

        return Task.WhenAny(_reported, _poll);
    }

    /// <summary>The orchestration is done waiting: its slow poll is not needed any more.</summary>
    public void Stop() => _pollTimer?.Cancel();
}
