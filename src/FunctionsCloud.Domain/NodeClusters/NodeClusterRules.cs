namespace FunctionsCloud.Domain.NodeClusters;

public static class NodeClusterRules
{
    public const int DefaultDiskGb = 60;
    public const int MinDiskGb = 10;
    public const int MaxDiskGb = 16_384;
    public const int DefaultMaxNodesPerCluster = 100;
}
