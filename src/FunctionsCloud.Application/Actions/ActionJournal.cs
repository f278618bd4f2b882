using FunctionsCloud.Application.Telemetry;
using FunctionsCloud.Application.Commands;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Actions;

/// <summary>Writes what an operation does into its action, in lines a user can read.</summary>
/// <param name="completions">Tells a queue command's reply queue how its action ended (none: nobody is told).</param>
public sealed class ActionJournal(IActionStore actions, TimeProvider clock, CompletionReplies? completions = null)
{
    public Task LogAsync(string ns, Guid action, params IEnumerable<string> lines) =>
        ChangeAsync(ns, action, record =>
        {
            foreach (var line in lines)
                record.AppendLog(clock.GetUtcNow(), line);
        });

    /// <summary>The lines of one step of an operation, once however often the step runs (see <see cref="ActionSteps"/>).</summary>
    public Task LogStepAsync(string ns, Guid action, string step, IEnumerable<string> lines) =>
        ChangeAsync(ns, action, record => record.AppendStepLog(step, clock.GetUtcNow(), lines));

    /// <summary>The operation began: In progress, with its first line (once, should its first step run again).</summary>
    public Task StartAsync(string ns, Guid action, string line) =>
        ChangeAsync(ns, action, record =>
        {
            if (record.State == ActionState.Pending)
                record.MoveTo(ActionState.InProgress);
            record.AppendStepLog(StartStep, clock.GetUtcNow(), [line]);
        });

    private const string StartStep = "start";

    /// <summary>Ends the action (Canceled if a cancel was asked for); one that did not succeed may be retried if its kind allows.</summary>
    public async Task FinishAsync(string ns, Guid action, bool succeeded, string line)
    {
        var finishedHere = false;
        var record = await actions.UpdateAsync(ns, action, record =>
        {
            finishedHere = !record.IsFinished;
            if (!finishedHere)
                return;
            record.Finish(clock.GetUtcNow(), succeeded, line);
            record.CanBeRetried = record.State != ActionState.Success && RetryableActions.Refusal(record) is null;
        });
        if (finishedHere && record is not null)
            OperationMetrics.Ended(record);
        if (finishedHere && record?.ReplyTo is not null && completions is not null)
            await completions.SendAsync(record, CancellationToken.None);
    }

    private Task ChangeAsync(string ns, Guid action, Action<ActionRecord> change) => actions.UpdateAsync(ns, action, change);
}
