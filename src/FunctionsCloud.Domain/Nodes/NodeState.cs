namespace FunctionsCloud.Domain.Nodes;

public enum NodeState
{
    Deploying,
    Deployed,
    Unreachable,
    Upgrading,
    Terminating,
    Terminated,
}
