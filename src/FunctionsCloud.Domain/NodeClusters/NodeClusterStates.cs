using FunctionsCloud.Domain.States;
using static FunctionsCloud.Domain.NodeClusters.NodeClusterState;

namespace FunctionsCloud.Domain.NodeClusters;

/// <summary>Docker Cloud's node cluster life cycle.</summary>
public static class NodeClusterStates
{
    public static readonly StateMachine<NodeClusterState> Machine = new(new Dictionary<NodeClusterState, NodeClusterState[]>
    {
        [Init] = [Deploying, Terminating, Terminated],
        [Deploying] = [Deployed, PartlyDeployed, EmptyCluster, Terminating],
        [Deployed] = [Scaling, PartlyDeployed, Terminating],
        [PartlyDeployed] = [Scaling, Deployed, Terminating],
        [Scaling] = [Deployed, PartlyDeployed, EmptyCluster, Terminating],
        [EmptyCluster] = [Scaling, Terminating],
        [Terminating] = [Terminated],
        [Terminated] = [],
    });

    /// <summary>The state a cluster settles in once an operation has done what it could.</summary>
    public static NodeClusterState Settled(int targetNumNodes, int deployedNodes) =>
        targetNumNodes == 0 && deployedNodes == 0 ? EmptyCluster
        : deployedNodes == targetNumNodes ? Deployed
        : PartlyDeployed;
}
