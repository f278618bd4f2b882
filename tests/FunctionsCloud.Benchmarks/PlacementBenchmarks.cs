using BenchmarkDotNet.Attributes;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Placement;

namespace FunctionsCloud.Benchmarks;

/// <summary>
/// Placing 10,000 containers on 1,000 nodes, per strategy (target: at most 10 ms each), against a baseline in
/// the same run that scans every node for each container.
/// </summary>
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private const int Containers = 10_000;
    private PlacementNode[] _nodes = [];

    [Params(1_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _nodes = Enumerable.Range(0, Nodes)
            .Select(_ => new PlacementNode(Guid.NewGuid(), random.Next(10) == 0 ? NodeState.Unreachable : NodeState.Deployed,
                random.Next(2) == 0 ? new HashSet<string> { "web" } : new HashSet<string> { "web", "eu" }, random.Next(20), random.Next(3)))
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public Guid[] ScanEveryNodeForEachContainer()
    {
        var eligible = _nodes.Where(n => n.IsEligibleFor(["web"])).Select(n => (n.Uuid, Count: n.Containers)).ToArray();
        var placed = new Guid[Containers];
        for (var c = 0; c < Containers; c++)
        {
            var best = 0;
            for (var i = 1; i < eligible.Length; i++)
            {
                if (eligible[i].Count < eligible[best].Count)
                    best = i;
            }

            placed[c] = eligible[best].Uuid;
            eligible[best].Count++;
        }

        return placed;
    }

    [Benchmark]
    public IReadOnlyList<Guid> EmptiestNode() => ContainerPlacement.Place(DeploymentStrategy.EmptiestNode, ["web"], _nodes, Containers);

    [Benchmark]
    public IReadOnlyList<Guid> HighAvailability() => ContainerPlacement.Place(DeploymentStrategy.HighAvailability, ["web"], _nodes, Containers);

    [Benchmark]
    public IReadOnlyList<Guid> EveryNode() => ContainerPlacement.Place(DeploymentStrategy.EveryNode, ["web"], _nodes, Containers);
}
