using FunctionsCloud.Client.Resources;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Tests.Support;

namespace FunctionsCloud.Dashboard.Tests.Live;

public sealed class EventFanOutTests
{
    private readonly EventFanOut fanOut = new();
    private readonly List<string> told = [];

    [Fact]
    public void Each_page_is_told_the_events_it_cares_about_by_type_and_resource_uri()
    {
        using var services = Watch("services", e => e.Concerns("/api/app/v1/service/"));
        using var serviceA = Watch("A", e => e.IsOf(Changes.ServiceA));
        using var nodes = Watch("nodes", e => e.Type == "node");

        fanOut.Publish(Changes.Of("service", "update", Changes.ServiceB, "1"));
        fanOut.Publish(Changes.Of("container", "update", Changes.ContainerOfA, "2", Changes.ServiceA, Changes.Node));
        fanOut.Publish(Changes.Of("node", "update", Changes.Node, "3", Changes.Cluster));

        Assert.Equal(["services 1", "services 2", "A 2", "nodes 3"], told);
    }

    [Fact]
    public void A_page_that_went_away_is_told_nothing_more_and_a_resync_goes_to_every_page()
    {
        var gone = Watch("gone", _ => true);
        using var stays = Watch("stays", _ => true);

        gone.Dispose();
        fanOut.Publish(Changes.Of("service", "update", Changes.ServiceA, "1"));
        fanOut.Resync();

        Assert.Equal(["stays 1", "stays resync"], told);
        Assert.Equal(1, fanOut.Count);
    }

    private IDisposable Watch(string page, Func<ObjectEvent, bool> cares) =>
        fanOut.Add(new EventWatch(cares, e => told.Add($"{page} {e.Id}"), () => told.Add($"{page} resync")));
}
