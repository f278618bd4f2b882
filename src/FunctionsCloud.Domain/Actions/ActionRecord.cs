using System.Text;

namespace FunctionsCloud.Domain.Actions;

/// <summary>An asynchronous operation as users see it: what, on which object, by whom, how it went.</summary>
public sealed class ActionRecord
{
    /// <summary>Table properties hold 32K characters; older lines give way to newer ones past this.</summary>
    public const int MaxLogLength = 30_000;

    /// <summary>How many steps' keys are kept to tell a step run again (far more than an operation's steps that log).</summary>
    public const int MaxLogSteps = 500;

    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    /// <summary>resource_uri of the object the action works on.</summary>
    public required string Object { get; init; }
    /// <summary>e.g. "Cluster Create", "Cluster Scale", "Node Terminate".</summary>
    public required string Action { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string User { get; init; }
    /// <summary>The label of the API key the user acted with; null when none was used (the system, a trigger).</summary>
    public string? ApiKeyLabel { get; init; }
    public string Ip { get; init; } = "";
    public string UserAgent { get; init; } = "";
    /// <summary>Where the request came from, by place; "" while unknown (no geolocation is done).</summary>
    public string Location { get; init; } = "";
    /// <summary>The body of the request that started the action, secrets removed.</summary>
    public string Body { get; init; } = "";
    public DateTimeOffset StartDate { get; init; }
    public DateTimeOffset? EndDate { get; set; }
    public ActionState State { get; private set; } = ActionState.Pending;
    public string Logs { get; private set; } = "";
    /// <summary>The keys of the steps whose lines are in <see cref="Logs"/>, oldest first (see <see cref="AppendStepLog"/>).</summary>
    public IReadOnlyList<string> LogSteps { get; private set; } = [];
    public bool IsUserAction { get; init; } = true;
    public bool CanBeCanceled { get; set; }
    public bool CanBeRetried { get; set; }
    /// <summary>The queue to tell when the action ends (a queue command's reply_to), and the command's id to tell it under.</summary>
    public string? ReplyTo { get; set; }
    public string? CommandId { get; set; }
    public string? Version { get; set; }
    /// <summary>The operation in flight this one took its object over from (a terminate's), which it cancels and waits for first.</summary>
    public Guid? Predecessor { get; set; }

    public void MoveTo(ActionState next) => State = ActionStates.Machine.Move("action", State, next);

    public bool IsFinished => ActionStates.IsFinished(State);

    /// <summary>
    /// Ends the action by its operation's outcome, or Canceled when a cancel was asked for (the operation stopped
    /// short and settled its object). An action that has ended already stays as it is.
    /// </summary>
    public void Finish(DateTimeOffset at, bool succeeded, string line)
    {
        if (IsFinished)
            return;
        var canceled = State == ActionState.Canceling;
        AppendLog(at, canceled ? $"Canceled. {line}" : line);
        MoveTo(canceled ? ActionState.Canceled : succeeded ? ActionState.Success : ActionState.Failed);
        EndDate = at;
        CanBeCanceled = false;
    }

    /// <summary>Asks the operation to stop at its next safe point: Canceling until it has settled its object.</summary>
    public void RequestCancel(DateTimeOffset at, string user)
    {
        MoveTo(ActionState.Canceling);
        CanBeCanceled = false;
        AppendLog(at, $"Cancel requested by {user}; the operation stops at its next safe point.");
    }

    public void Restore(ActionState state, string logs, IReadOnlyList<string>? logSteps = null)
    {
        State = state;
        Logs = logs;
        LogSteps = logSteps ?? [];
    }

    /// <summary>
    /// Appends the lines of one step of the operation, once: the step run again (an activity delivered again, as
    /// durable backends may) finds its key and adds nothing. A step without lines leaves no key.
    /// </summary>
    public void AppendStepLog(string step, DateTimeOffset at, IEnumerable<string> lines)
    {
        if (LogSteps.Contains(step, StringComparer.Ordinal))
            return;
        var count = 0;
        foreach (var line in lines)
        {
            AppendLog(at, line);
            count++;
        }

        if (count > 0)
            LogSteps = [.. LogSteps.TakeLast(MaxLogSteps - 1), step];
    }

    public void AppendLog(DateTimeOffset at, string line)
    {
        var builder = new StringBuilder(Logs);
        builder.Append(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))
            .Append(' ').Append(line).Append('\n');
        Logs = builder.Length <= MaxLogLength ? builder.ToString() : builder.ToString(builder.Length - MaxLogLength, MaxLogLength);
    }
}
