using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.Support;

namespace FunctionsCloud.Functions.Tests.EventStream;

/// <summary>
/// A client following the event stream in the background as a browser's EventSource would: when the server ends a
/// stream (its longest duration), it connects again with the last id it received as Last-Event-ID.
/// </summary>
internal sealed class EventFollower : IAsyncDisposable
{
    public const string Path = "/api/audit/v1/events/";

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(long Id, JsonObject Message)> _received = new();
    private readonly Task _following;
    private long _connections;

    public EventFollower(HttpClient client) => _following = FollowAsync(client);

    /// <summary>Where the first stream stood when it began (the id it sent first).</summary>
    public long? Start { get; private set; }

    public IReadOnlyList<(long Id, JsonObject Message)> Received => [.. _received];

    public long Connections => Interlocked.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _following;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task FollowAsync(HttpClient client)
    {
        string? last = null;
        while (!_stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref _connections);
            await foreach (var (id, message) in ServerSentEventReader.ReadAsync(client, Path, last, _stop.Token))
            {
                last = id ?? last;
                Start ??= long.Parse(id!, CultureInfo.InvariantCulture);
                if (message is not null)
                    _received.Enqueue((long.Parse(id!, CultureInfo.InvariantCulture), message));
            }
        }
    }
}
