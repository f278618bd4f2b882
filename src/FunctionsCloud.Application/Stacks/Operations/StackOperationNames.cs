namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>Function names of the stack operation's orchestrator and activities, and its actions' names.</summary>
public static class StackOperationNames
{
    public const string Orchestrator = "StackOperation";
    public const string Begin = "BeginStackOperation";
    public const string Claim = "ClaimStackService";
    public const string Outcome = "StackServiceOutcome";
    public const string Complete = "CompleteStackOperation";

    public static string ActionName(StackOperationKind kind) => kind switch
    {
        StackOperationKind.Start => "Stack Start",
        StackOperationKind.Stop => "Stack Stop",
        StackOperationKind.Redeploy => "Stack Redeploy",
        StackOperationKind.Terminate => "Stack Terminate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
