using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;

namespace FunctionsCloud.Application.Commands;

/// <summary>The action name a command's operation goes by, so a rejected command reads like the operation it asked for.</summary>
public static class CommandActionNames
{
    /// <summary>For a message too broken to say what it asked.</summary>
    public const string Unreadable = "Queue Command";

    public static string Of(Command? command) => command switch
    {
        null => Unreadable,
        { Kind: CommandTargetKind.NodeCluster } => ClusterOperationNames.ActionName(command.Operation switch
        {
            CommandOperation.Deploy => ClusterOperationKind.Deploy,
            CommandOperation.Scale => ClusterOperationKind.Scale,
            _ => ClusterOperationKind.Terminate,
        }),
        _ => ServiceOperationNames.ActionName(command.Operation switch
        {
            CommandOperation.Deploy or CommandOperation.Start => ServiceOperationKind.Start,
            CommandOperation.Stop => ServiceOperationKind.Stop,
            CommandOperation.Redeploy => ServiceOperationKind.Redeploy,
            CommandOperation.Scale => ServiceOperationKind.Scale,
            _ => ServiceOperationKind.Terminate,
        }),
    };
}
