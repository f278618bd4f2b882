using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;

namespace FunctionsCloud.Domain.Tests.Placement;

/// <summary>The eligibility rules written out again, independently of the code under test.</summary>
internal static class ExpectedEligibility
{
    /// <summary>Deployed, with every tag of the service.</summary>
    public static List<PlacementNode> ByTags(IEnumerable<PlacementNode> nodes, PlacementRequirements service) =>
        nodes.Where(n => n.State == NodeState.Deployed && service.Tags.All(n.Tags.Contains)).ToList();

    /// <summary>Eligible by tags, and holding none of the service's fixed host ports.</summary>
    public static List<PlacementNode> WithFreePorts(IEnumerable<PlacementNode> nodes, PlacementRequirements service) =>
        ByTags(nodes, service).Where(n => !n.HeldHostPorts.Overlaps(service.FixedHostPorts)).ToList();
}
