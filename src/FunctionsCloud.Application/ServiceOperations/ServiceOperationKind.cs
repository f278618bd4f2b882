namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>What a service operation does. The Container* kinds work on one container of the service.</summary>
public enum ServiceOperationKind
{
    /// <summary>Deploys a Not running service, or starts a Stopped one (and fills it up to its target).</summary>
    Start,
    Stop,
    /// <summary>Brings the service to its target: new containers placed by its strategy, surplus ones terminated.</summary>
    Scale,
    Redeploy,
    Terminate,
    StartContainer,
    StopContainer,
    RedeployContainer,
    TerminateContainer,
    /// <summary>Moves the containers of a lost node onto other eligible nodes (started by the system, not a user).</summary>
    Reschedule,
}
