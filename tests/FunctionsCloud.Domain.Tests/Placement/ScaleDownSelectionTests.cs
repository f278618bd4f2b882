using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Placement;
using static FunctionsCloud.Domain.Tests.Placement.TestContainers;
using static FunctionsCloud.Domain.Tests.Placement.TestNodes;

namespace FunctionsCloud.Domain.Tests.Placement;

public class ScaleDownSelectionTests
{
    // web-1..web-3 on A, web-4 and web-5 on B.
    private static readonly Container[] Containers = [Numbered(1, A), Numbered(2, A), Numbered(3, A), Numbered(4, B), Numbered(5, B)];

    private static int[] Chosen(DeploymentStrategy strategy, IEnumerable<Container> containers, int count) =>
        ScaleDownSelection.Choose(strategy, containers, count).Select(c => c.Number).ToArray();

    [Fact]
    public void The_highest_numbered_containers_go_first() =>
        Assert.Equal([5, 4], Chosen(DeploymentStrategy.EmptiestNode, Containers, 2));

    [Fact]
    public void High_availability_takes_from_the_nodes_that_hold_the_most_of_the_service() =>
        Assert.Equal([3, 5, 2], Chosen(DeploymentStrategy.HighAvailability, Containers, 3)); // A 3→2; A 2 ties B 2, B has web-5 → B; A again

    [Fact]
    public void Containers_on_their_way_out_are_not_chosen_again()
    {
        Container[] containers = [Numbered(1, A), Numbered(2, A, ContainerState.Terminating), Numbered(3, B, ContainerState.Terminated)];

        Assert.Equal([1], Chosen(DeploymentStrategy.HighAvailability, containers, 1));
    }

    [Fact]
    public void Removing_more_than_there_are_is_a_mistake_of_the_caller() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleDownSelection.Choose(DeploymentStrategy.EmptiestNode, Containers, 6));
}
