using CsCheck;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Placement;
using static FunctionsCloud.Domain.Tests.Placement.TestContainers;

namespace FunctionsCloud.Domain.Tests.Placement;

/// <summary>Scale-down's promises over random spreads of a service's containers.</summary>
public class ScaleDownSelectionProperties
{
    /// <summary>Containers web-1..web-m on up to five nodes, some of them already on their way out; and how many to remove.</summary>
    private static readonly Gen<(Container[] Containers, int Count)> Spreads =
        Gen.Select(Gen.Int[0, 4], Gen.Frequency((5, Gen.Const(ContainerState.Running)), (1, Gen.Enum<ContainerState>())))
            .Array[0, 20]
            .Select(spread => spread.Select((c, i) => Numbered(i + 1, TestNodes.UuidOf(c.Item1), c.Item2)).ToArray())
            .SelectMany(containers => Gen.Int[0, containers.Count(c => c.IsLive)].Select(count => (containers, count)));

    [Fact]
    public void High_availability_always_removes_from_a_node_that_holds_the_most() =>
        Spreads.Sample((containers, count) =>
        {
            var chosen = ScaleDownSelection.Choose(DeploymentStrategy.HighAvailability, containers, count);

            var held = containers.Where(c => c.IsLive).GroupBy(c => c.NodeUuid).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(count, chosen.Distinct().Count());
            foreach (var container in chosen)
            {
                Assert.True(container.IsLive);
                Assert.Equal(held.Values.Max(), held[container.NodeUuid]--);
            }
        }, iter: 2_000);

    [Fact]
    public void Other_strategies_remove_the_highest_numbered_live_containers() =>
        Spreads.Sample((containers, count) =>
        {
            var chosen = ScaleDownSelection.Choose(DeploymentStrategy.EmptiestNode, containers, count).Select(c => c.Number);

            Assert.Equal(containers.Where(c => c.IsLive).Select(c => c.Number).OrderDescending().Take(count), chosen);
        }, iter: 2_000);
}
