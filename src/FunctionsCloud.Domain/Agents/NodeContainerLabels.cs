namespace FunctionsCloud.Domain.Agents;

/// <summary>
/// The labels that mark a container (and its named volumes) as one an agent manages for a node. Agents touch only containers carrying
/// their node's label; the local provider removes a terminated local node's containers by it.
/// </summary>
public static class NodeContainerLabels
{
    public const string Node = "io.functionscloud.node";
    public const string Container = "io.functionscloud.container";
    public const string Service = "io.functionscloud.service";
    public const string Revision = "io.functionscloud.revision";
    public const string Name = "io.functionscloud.name";
    /// <summary>On a named volume: the volume set of the container it belongs to (a redeploy with reuse_volumes=false moves to the next).</summary>
    public const string VolumeSet = "io.functionscloud.volume-set";
}
