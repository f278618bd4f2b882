using FunctionsCloud.Application.Operations;

namespace FunctionsCloud.Application.Tests.Operations;

public class ScaleDownSelectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nodes_that_never_came_up_go_first_then_the_emptiest_then_the_newest()
    {
        var old = new LiveNode(Guid.NewGuid(), true, 0, T0);
        var newer = new LiveNode(Guid.NewGuid(), true, 0, T0.AddHours(1));
        var busy = new LiveNode(Guid.NewGuid(), true, 5, T0.AddHours(2));
        var silent = new LiveNode(Guid.NewGuid(), false, 0, T0);

        Assert.Equal([silent.Uuid, newer.Uuid], ScaleDownSelection.Choose([old, busy, newer, silent], 2));
        Assert.Equal([silent.Uuid, newer.Uuid, old.Uuid, busy.Uuid], ScaleDownSelection.Choose([old, busy, newer, silent], 9));
        Assert.Empty(ScaleDownSelection.Choose([old], 0));
    }
}
