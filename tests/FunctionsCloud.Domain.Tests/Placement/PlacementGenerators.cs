using CsCheck;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;

namespace FunctionsCloud.Domain.Tests.Placement;

/// <summary>Random node sets and services: states, tags, loads, held host ports; few tags and ports so they meet often.</summary>
internal static class PlacementGenerators
{
    private static readonly string[] TagNames = ["web", "eu", "gpu"];
    private static readonly HostPort[] Ports = [new("tcp", 80), new("tcp", 443), new("udp", 53)];

    public static readonly Gen<string[]> Tags = Gen.Bool.Array[TagNames.Length].Select(picks => TagNames.Where((_, i) => picks[i]).ToArray());

    public static readonly Gen<HostPort[]> HostPorts =
        Gen.Int[0, 5].Array[Ports.Length].Select(dice => Ports.Where((_, i) => dice[i] == 0).ToArray());

    /// <summary>Nodes mostly Deployed, numbered by position (so a uuid tie-break follows the list), with any load.</summary>
    public static readonly Gen<PlacementNode[]> NodeSets = NodesWith(Gen.Int[0, 6]);

    /// <summary>Nodes whose counts of the service differ by at most one (a balanced start).</summary>
    public static readonly Gen<PlacementNode[]> BalancedNodeSets = Gen.Int[0, 4].SelectMany(floor => NodesWith(Gen.Int[floor, floor + 1]));

    public static readonly Gen<int> Count = Gen.Int[0, 25];

    /// <summary>A service of the strategy with up to two tags; one that fixes ports fixes at least one.</summary>
    public static Gen<PlacementRequirements> Service(DeploymentStrategy strategy, bool fixesPorts) =>
        Gen.Select(Tags.Select(t => t.Take(2).ToArray()), fixesPorts ? HostPorts.Where(p => p.Length > 0) : Gen.Const(Array.Empty<HostPort>()),
            (tags, ports) => new PlacementRequirements(strategy, tags, ports));

    private static Gen<PlacementNode[]> NodesWith(Gen<int> serviceContainers) =>
        Gen.Select(Gen.Frequency((4, Gen.Const(NodeState.Deployed)), (1, Gen.Enum<NodeState>())), Tags, Gen.Int[0, 12], serviceContainers, HostPorts)
            .Array[0, 12]
            .Select(nodes => nodes.Select((n, i) => new PlacementNode(TestNodes.UuidOf(i), n.Item1, n.Item2.ToHashSet(), n.Item3 + n.Item4, n.Item4)
            {
                HeldHostPorts = n.Item5.ToHashSet(),
            }).ToArray());
}
