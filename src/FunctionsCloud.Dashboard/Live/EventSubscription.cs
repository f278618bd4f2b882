using System.Text.Json;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Operations;
using FunctionsCloud.Client.Resources;
using FunctionsCloud.Dashboard.Session;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>
/// The tab's one follower of the event stream (<c>/api/audit/v1/events/</c>), shared by its pages: it follows while
/// someone is signed in and the tab is shown, hands each event to the pages that care (<see cref="Watch"/>), and
/// after a failure follows again from the last event it had (Last-Event-ID: nothing missed), waiting longer after
/// each failure (<see cref="ReconnectBackoff"/>). While it is not following, <see cref="IsLive"/> is false and the
/// pages poll as they did before there was a stream.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    private readonly FunctionsCloudClient api;
    private readonly SignInSession session;
    private readonly PageVisibility visibility;
    private readonly TimeProvider time;
    private readonly EventFanOut fanOut = new();
    private readonly ReconnectBackoff backoff = new();
    private CancellationTokenSource? following;
    private string? lastId;
    private bool watched;

    public EventSubscription(FunctionsCloudClient api, SignInSession session, PageVisibility visibility, TimeProvider time)
    {
        (this.api, this.session, this.visibility, this.time) = (api, session, visibility, time);
        session.Changed += Reconsider;
        visibility.Changed += Reconsider;
    }

    /// <summary>Whether a stream is open: pages that watch it need not poll.</summary>
    public bool IsLive { get; private set; }

    /// <summary>When the stream will be asked for again, after it failed; null while live or stopped.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    /// <summary>Told when <see cref="IsLive"/> or <see cref="RetryAt"/> changed.</summary>
    public event Action? Changed;

    /// <summary>Begins following at the first page that watches (until then nothing needs it).</summary>
    /// <returns>Ends the watch when disposed.</returns>
    public IDisposable Watch(EventWatch watch)
    {
        var added = fanOut.Add(watch);
        watched = true;
        Reconsider();
        return added;
    }

    private void Reconsider()
    {
        if (!session.IsSignedIn)
            lastId = null; // the next one signed in may see another namespace: its stream has other ids
        var wanted = session.IsSignedIn && visibility.IsVisible && watched;
        if (wanted && following is null)
        {
            following = new CancellationTokenSource();
            _ = FollowAsync(following.Token);
        }
        else if (!wanted && following is not null)
        {
            Stop();
        }
    }

    private async Task FollowAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var resuming = lastId is not null;
            try
            {
                await foreach (var change in api.EventStream.FollowAsync(new EventQuery(After: lastId), id => Opened(id, resuming), stop))
                {
                    lastId = change.Id;
                    fanOut.Publish(change);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or ApiException or JsonException)
            {
                // Polling takes over until the stream can be followed again (ConnectionStatus or the sign-in says why).
            }

            if (!await WaitToRetryAsync(stop))
                return;
        }
    }

    /// <returns>False when the wait was cut short (the tab was hidden, the user signed out).</returns>
    private async Task<bool> WaitToRetryAsync(CancellationToken stop)
    {
        var wait = backoff.Next();
        var retry = Task.Delay(wait, time, stop); // already waiting when anyone hears that the stream was lost
        Set(live: false, retryAt: time.GetUtcNow() + wait);
        try
        {
            await retry;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A stream opened at <paramref name="id"/>.</summary>
    /// <param name="resuming">It began after the last event had (nothing missed); else after whatever the pages read before it.</param>
    private void Opened(string id, bool resuming)
    {
        lastId = id;
        backoff.Reset();
        if (IsLive)
            return;
        if (!resuming)
            fanOut.Resync();
        Set(live: true, retryAt: null);
    }

    private void Set(bool live, DateTimeOffset? retryAt)
    {
        if (IsLive == live && RetryAt == retryAt)
            return;
        (IsLive, RetryAt) = (live, retryAt);
        Changed?.Invoke();
    }

    private void Stop()
    {
        following?.Cancel();
        following?.Dispose();
        following = null;
        Set(live: false, retryAt: null);
    }

    public void Dispose()
    {
        session.Changed -= Reconsider;
        visibility.Changed -= Reconsider;
        Stop();
    }
}
