using System.Threading.Channels;
using FunctionsCloud.Client.Resources;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Live;

public sealed class EventSubscriptionTests : DashboardTestContext
{
    private readonly EventStreamApi stream;
    private readonly Channel<string> told = Channel.CreateUnbounded<string>();
    private readonly Channel<(bool Live, DateTimeOffset? RetryAt)> changes = Channel.CreateUnbounded<(bool, DateTimeOffset?)>();
    private EventSubscription subscription = null!;

    public EventSubscriptionTests() => stream = new EventStreamApi(Api);

    [Fact]
    public async Task Events_go_to_the_pages_that_watch_them_once_the_stream_is_open_and_a_page_that_read_before_reads_again()
    {
        Start(e => e.Type == "service");
        var (first, opened) = await stream.NextAsync();
        Assert.Null(EventStreamApi.LastEventId(first));
        Assert.False(subscription.IsLive);

        await opened!.OpenAtAsync(41);
        Assert.True(await NextLiveChangeAsync());
        Assert.Equal("resync", await NextToldAsync());
        await opened.SendAsync(Changes.Json(42, "service", "update", Changes.ServiceA));
        await opened.SendAsync(Changes.Json(43, "node", "update", Changes.Node, Changes.Cluster));
        await opened.SendAsync(Changes.Json(44, "service", "delete", Changes.ServiceB));

        Assert.Equal($"update {Changes.ServiceA}", await NextToldAsync());
        Assert.Equal($"delete {Changes.ServiceB}", await NextToldAsync());
        Assert.True(subscription.IsLive);
    }

    [Fact]
    public async Task A_lost_stream_means_polling_until_it_is_followed_again_from_the_last_event_after_a_second_without_a_resync()
    {
        Start(_ => true);
        var first = await stream.OpenNextAtAsync(7);
        Assert.True(await NextLiveChangeAsync());
        Assert.Equal("resync", await NextToldAsync());
        await first.SendAsync(Changes.Json(8, "service", "update", Changes.ServiceA));
        Assert.Equal($"update {Changes.ServiceA}", await NextToldAsync());

        first.Break();

        Assert.Equal((false, Clock.GetUtcNow() + ReconnectBackoff.First), await NextChangeAsync());
        Assert.False(stream.AskedAgain);
        Clock.Advance(ReconnectBackoff.First);
        var (again, resumed) = await stream.NextAsync();
        Assert.Equal("8", EventStreamApi.LastEventId(again));
        await resumed!.OpenAtAsync(8);
        Assert.True(await NextLiveChangeAsync());
        await resumed.SendAsync(Changes.Json(9, "service", "update", Changes.ServiceB));
        Assert.Equal($"update {Changes.ServiceB}", await NextToldAsync()); // and no resync before it: nothing was missed
    }

    [Fact]
    public async Task A_refused_stream_is_asked_for_again_after_one_then_two_then_four_seconds()
    {
        stream.Refuse = true;
        Start(_ => true);
        await stream.NextAsync();

        foreach (var seconds in new[] { 1, 2, 4 })
        {
            Assert.Equal((false, Clock.GetUtcNow() + TimeSpan.FromSeconds(seconds)), await NextChangeAsync());
            Clock.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            Assert.False(stream.AskedAgain, $"asked again before {seconds} s");
            Clock.Advance(TimeSpan.FromMilliseconds(1));
            await stream.NextAsync();
        }
    }

    [Fact]
    public async Task A_hidden_tab_stops_following_and_goes_on_from_its_last_event_when_shown()
    {
        Start(_ => true);
        var first = await stream.OpenNextAtAsync(3);
        Assert.True(await NextLiveChangeAsync());

        Services.GetRequiredService<PageVisibility>().VisibilityChanged(false);

        Assert.False(await NextLiveChangeAsync());
        Assert.False(stream.AskedAgain);
        Services.GetRequiredService<PageVisibility>().VisibilityChanged(true);
        var (again, _) = await stream.NextAsync();
        Assert.Equal("3", EventStreamApi.LastEventId(again));
    }

    private void Start(Func<ObjectEvent, bool> cares)
    {
        subscription = Services.GetRequiredService<EventSubscription>();
        subscription.Changed += () => changes.Writer.TryWrite((subscription.IsLive, subscription.RetryAt));
        subscription.Watch(new EventWatch(cares, e => told.Writer.TryWrite($"{e.Action} {e.ResourceUri}"), () => told.Writer.TryWrite("resync")));
    }

    private async Task<string> NextToldAsync() => await told.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private async Task<bool> NextLiveChangeAsync() => (await NextChangeAsync()).Live;

    private async Task<(bool Live, DateTimeOffset? RetryAt)> NextChangeAsync() => await changes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
}
