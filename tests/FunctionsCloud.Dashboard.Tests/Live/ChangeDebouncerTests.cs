using System.Threading.Channels;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FunctionsCloud.Dashboard.Tests.Live;

public sealed class ChangeDebouncerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider clock = new();
    private readonly Channel<ChangeBatch> refreshed = Channel.CreateUnbounded<ChangeBatch>();
    private readonly ChangeDebouncer debouncer;
    private TaskCompletionSource reading = new();

    public ChangeDebouncerTests()
    {
        reading.SetResult();
        debouncer = new ChangeDebouncer(async batch =>
        {
            refreshed.Writer.TryWrite(batch);
            await reading.Task.ConfigureAwait(false); // the next batch's wait begins as the read ends, before SetResult returns
        }, clock);
    }

    [Fact]
    public async Task A_burst_of_events_makes_one_refresh_once_the_wait_has_passed()
    {
        debouncer.Add(Changes.Of("service", "update", Changes.ServiceA, "1"));
        debouncer.Add(Changes.Of("container", "update", Changes.ContainerOfA, "2", Changes.ServiceA));
        clock.Advance(ChangeDebouncer.Wait / 2);
        debouncer.Add(Changes.Of("service", "update", Changes.ServiceB, "3"));
        Assert.False(refreshed.Reader.TryRead(out _));

        clock.Advance(ChangeDebouncer.Wait / 2);

        var batch = await NextAsync();
        Assert.Equal(["1", "2", "3"], batch.Events.Select(e => e.Id));
        Assert.False(batch.Resync);
        Assert.False(refreshed.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Events_that_come_while_the_page_reads_make_the_next_refresh_after_it()
    {
        reading = new TaskCompletionSource();
        debouncer.Add(Changes.Of("service", "update", Changes.ServiceA, "1"));
        clock.Advance(ChangeDebouncer.Wait);
        Assert.Equal(["1"], (await NextAsync()).Events.Select(e => e.Id));

        debouncer.Add(Changes.Of("service", "update", Changes.ServiceA, "2"));
        debouncer.AddResync();
        clock.Advance(ChangeDebouncer.Wait);
        Assert.False(refreshed.Reader.TryRead(out _)); // never two reads at once
        // Off the test's synchronization context, where the read's continuations run inline: the next wait has begun
        // when this returns (on that context they would be queued, and the clock could move before the wait began).
        await Task.Run(reading.SetResult);
        clock.Advance(ChangeDebouncer.Wait);

        var next = await NextAsync();
        Assert.Equal(["2"], next.Events.Select(e => e.Id));
        Assert.True(next.Resync);
    }

    [Fact]
    public void Nothing_is_read_after_the_page_went_away()
    {
        debouncer.Add(Changes.Of("service", "update", Changes.ServiceA, "1"));
        debouncer.Dispose();

        clock.Advance(ChangeDebouncer.Wait);
        debouncer.Add(Changes.Of("service", "update", Changes.ServiceA, "2"));
        clock.Advance(ChangeDebouncer.Wait);

        Assert.False(refreshed.Reader.TryRead(out _));
    }

    private async Task<ChangeBatch> NextAsync() => await refreshed.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public void Dispose() => debouncer.Dispose();
}
