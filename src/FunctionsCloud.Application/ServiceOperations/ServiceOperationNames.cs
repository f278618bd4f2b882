namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>Function names of the service operation's orchestrator and activities, and its actions' names.</summary>
public static class ServiceOperationNames
{
    public const string Orchestrator = "ServiceOperation";
    public const string Begin = "BeginServiceOperation";
    public const string Apply = "ApplyServiceStep";
    public const string Observe = "ObserveServiceContainers";
    public const string Complete = "CompleteServiceOperation";

    /// <summary>The external event that tells an operation an agent reported a change in its service's containers.</summary>
    public const string ContainersReported = "ContainersReported";

    public static string ActionName(ServiceOperationKind kind) => kind switch
    {
        ServiceOperationKind.Start => "Service Start",
        ServiceOperationKind.Stop => "Service Stop",
        ServiceOperationKind.Scale => "Service Scale",
        ServiceOperationKind.Redeploy => "Service Redeploy",
        ServiceOperationKind.Terminate => "Service Terminate",
        ServiceOperationKind.StartContainer => "Container Start",
        ServiceOperationKind.StopContainer => "Container Stop",
        ServiceOperationKind.RedeployContainer => "Container Redeploy",
        ServiceOperationKind.TerminateContainer => "Container Terminate",
        ServiceOperationKind.Reschedule => "Service Reschedule",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
