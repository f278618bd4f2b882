namespace FunctionsCloud.Dashboard;

/// <summary>The sliders' upper bounds: the API's defaults (FunctionsCloud__MaxNodesPerCluster, __MaxContainersPerService).</summary>
public static class Limits
{
    public const int MaxNodesPerCluster = 100;
    public const int MaxContainersPerService = 100;
}
