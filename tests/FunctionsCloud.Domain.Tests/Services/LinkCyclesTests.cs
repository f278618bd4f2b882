using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Services;

public class LinkCyclesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static Func<Guid, IEnumerable<Guid>> Graph(params (Guid From, Guid To)[] links) =>
        service => links.Where(l => l.From == service).Select(l => l.To);

    [Fact]
    public void Links_that_close_no_circle_pass() =>
        Assert.Null(LinkCycles.Find(A, [B, C], Graph((B, C), (C, D), (B, D))));

    [Fact]
    public void A_link_to_itself_is_a_cycle() =>
        Assert.Equal([A, A], LinkCycles.Find(A, [A], Graph()));

    [Fact]
    public void A_link_back_is_a_cycle() =>
        Assert.Equal([A, B, A], LinkCycles.Find(A, [B], Graph((B, A))));

    [Fact]
    public void A_longer_chain_back_is_a_cycle_with_its_whole_path() =>
        Assert.Equal([A, B, C, D, A], LinkCycles.Find(A, [B], Graph((B, C), (C, D), (D, A))));

    [Fact]
    public void The_service_own_old_links_do_not_count_only_the_new_ones()
    {
        // A linked to B before; B links to C. Replacing A's links with [C] closes nothing, though the graph still shows A→B.
        Assert.Null(LinkCycles.Find(A, [C], Graph((A, B), (B, C))));
    }

    [Fact]
    public void Cycles_elsewhere_in_the_graph_are_not_this_service_concern_and_end_the_search() =>
        Assert.Null(LinkCycles.Find(A, [B], Graph((B, C), (C, B))));
}
