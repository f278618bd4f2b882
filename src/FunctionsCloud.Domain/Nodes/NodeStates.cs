using FunctionsCloud.Domain.States;
using static FunctionsCloud.Domain.Nodes.NodeState;

namespace FunctionsCloud.Domain.Nodes;

/// <summary>Docker Cloud's node life cycle. A node whose creation failed goes straight to Terminated.</summary>
public static class NodeStates
{
    public static readonly StateMachine<NodeState> Machine = new(new Dictionary<NodeState, NodeState[]>
    {
        [Deploying] = [Deployed, Unreachable, Terminating, Terminated],
        [Deployed] = [Unreachable, Upgrading, Terminating],
        [Unreachable] = [Deployed, Upgrading, Terminating, Terminated],
        [Upgrading] = [Deployed, Unreachable, Terminating],
        [Terminating] = [Terminated],
        [Terminated] = [],
    });

    public static bool IsLive(NodeState state) => state is not (Terminating or Terminated);
}
