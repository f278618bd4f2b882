using System.Threading.Channels;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Live;

public sealed class LiveRefreshTests : DashboardTestContext
{
    private static readonly TimeSpan Polling = TimeSpan.FromSeconds(3);
    private readonly EventStreamApi stream;
    private readonly Channel<ChangeBatch> batches = Channel.CreateUnbounded<ChangeBatch>();
    private readonly Channel<string> fannedOut = Channel.CreateUnbounded<string>();
    private readonly Channel<bool> liveChanges = Channel.CreateUnbounded<bool>();
    private int refreshes;

    public LiveRefreshTests() => stream = new EventStreamApi(Api);

    [Fact]
    public async Task While_live_the_page_does_not_poll_and_a_burst_of_events_makes_one_refresh_of_those_it_watches()
    {
        var cut = RenderLiveRefresh();
        cut.WaitForAssertion(() => Assert.Equal(1, refreshes), Patience);
        var live = await OpenStreamAsync(10);
        Clock.Advance(ChangeDebouncer.Wait);
        Assert.True((await NextBatchAsync()).Resync); // it read before the stream began

        Clock.Advance(Polling);
        Clock.Advance(Polling);
        await live.SendAsync(Changes.Json(11, "service", "update", Changes.ServiceA));
        await live.SendAsync(Changes.Json(12, "container", "create", Changes.ContainerOfA, Changes.ServiceA, Changes.Node));
        await live.SendAsync(Changes.Json(13, "node", "update", Changes.Node, Changes.Cluster));
        await FannedOutAsync("11", "12", "13");
        Clock.Advance(ChangeDebouncer.Wait);

        var batch = await NextBatchAsync();
        Assert.Equal(["11", "12"], batch.Events.Select(e => e.Id));
        Assert.False(batches.Reader.TryRead(out _));
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task When_the_stream_is_lost_the_page_polls_again()
    {
        var cut = RenderLiveRefresh();
        cut.WaitForAssertion(() => Assert.Equal(1, refreshes), Patience);
        var live = await OpenStreamAsync(10);

        live.Break();
        Assert.False(await liveChanges.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        Clock.Advance(Polling);

        cut.WaitForAssertion(() => Assert.Equal(2, refreshes), Patience);
    }

    private IRenderedComponent<LiveRefresh> RenderLiveRefresh()
    {
        var cut = Render<LiveRefresh>(p => p
            .Add(r => r.Refresh, EventCallback.Factory.Create<CancellationToken>(this, () => Interlocked.Increment(ref refreshes)))
            .Add(r => r.Watch, e => e.IsOf(Changes.ServiceA))
            .Add(r => r.RefreshChanged, EventCallback.Factory.Create<ChangeBatch>(this, b => batches.Writer.TryWrite(b))));
        // Told after the page (the fan-out goes in the order pages began watching): once this has seen an event, the page's wait for more has begun.
        var subscription = Services.GetRequiredService<EventSubscription>();
        subscription.Watch(new EventWatch(_ => true, e => fannedOut.Writer.TryWrite(e.Id), () => { }));
        subscription.Changed += () => liveChanges.Writer.TryWrite(subscription.IsLive);
        return cut;
    }

    private async Task<EventStream> OpenStreamAsync(int id)
    {
        var live = await stream.OpenNextAtAsync(id);
        Assert.True(await liveChanges.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        return live;
    }

    private async Task FannedOutAsync(params string[] ids)
    {
        foreach (var id in ids)
            Assert.Equal(id, await fannedOut.Reader.ReadAsync().AsTask().WaitAsync(Patience));
    }

    private async Task<ChangeBatch> NextBatchAsync() => await batches.Reader.ReadAsync().AsTask().WaitAsync(Patience);
}
