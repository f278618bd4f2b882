using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.NodeClusters;

public enum NodeClusterState
{
    Init,
    Deploying,
    Deployed,
    [ApiName("Partly deployed")] PartlyDeployed,
    Scaling,
    Terminating,
    Terminated,
    [ApiName("Empty cluster")] EmptyCluster,
}
