namespace FunctionsCloud.LocalHost.LocalRun;

/// <summary>The local run's command-line flags.</summary>
/// <param name="Clean">Start from nothing: stop the agents of the last run, remove their containers, delete the state folder.</param>
/// <param name="LeaveRunning">On exit, leave the local nodes' agents and their containers running for the next start.</param>
public sealed record LocalRunFlags(bool Clean, bool LeaveRunning)
{
    public const string CleanFlag = "--clean";
    public const string LeaveRunningFlag = "--leave-running";

    /// <summary>The flags; null when an argument is not one of them.</summary>
    public static LocalRunFlags? Parse(IReadOnlyList<string> args) =>
        args.All(a => a is CleanFlag or LeaveRunningFlag)
            ? new LocalRunFlags(args.Contains(CleanFlag), args.Contains(LeaveRunningFlag))
            : null;

    public const string Usage = $"Usage: FunctionsCloud.LocalHost [{CleanFlag}] [{LeaveRunningFlag}]";
}
