using Docker.DotNet;
using Docker.DotNet.Models;
using FunctionsCloud.Agent.Logs;
using FunctionsCloud.Client.Operations;
using FunctionsCloud.LoadTests.Support;

namespace FunctionsCloud.LoadTests.Logs;

/// <summary>
/// Followers of the containers' output, each line's delay taken as the time it arrived less the engine's time of it
/// (when the engine read it from the container): one <c>follow=true</c> reader per container through the API (the
/// .NET client, as <c>fc container logs -f</c> follows), and, as the same run's baseline, one reader per container of
/// the engine's own follow stream (what the agent itself reads).
/// </summary>
public sealed class LogFollowers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private long _received;
    private long _engineReceived;
    private long _firstArrival = long.MaxValue;
    private long _lastArrival;
    private long _firstPrinted = long.MaxValue;
    private long _lastPrinted;

    /// <summary>Each line's delay through storage and the API.</summary>
    public Latencies Delays { get; } = new();

    /// <summary>Each line's delay on the engine's own follow stream (the baseline).</summary>
    public Latencies EngineDelays { get; } = new();

    public long Received => Interlocked.Read(ref _received);

    public long EngineReceived => Interlocked.Read(ref _engineReceived);

    /// <summary>When the first and the last line reached an API follower.</summary>
    public (DateTimeOffset First, DateTimeOffset Last) Arrived => (new(Interlocked.Read(ref _firstArrival), TimeSpan.Zero), new(Interlocked.Read(ref _lastArrival), TimeSpan.Zero));

    /// <summary>The engine's time of the first and the last line an API follower received.</summary>
    public (DateTimeOffset First, DateTimeOffset Last) Printed => (new(Interlocked.Read(ref _firstPrinted), TimeSpan.Zero), new(Interlocked.Read(ref _lastPrinted), TimeSpan.Zero));

    /// <summary>Follows every container through the API, from <paramref name="since"/> on.</summary>
    public void FollowApi(HttpClient http, IEnumerable<string> containerUris, DateTimeOffset since)
    {
        var client = new LogClient(http);
        foreach (var uri in containerUris)
            _running.Add(Task.Run(() => FollowApiAsync(client, uri, since)));
    }

    /// <summary>Follows every engine container's own stream, from <paramref name="since"/> on.</summary>
    public void FollowEngine(IDockerClient docker, IEnumerable<string> dockerIds, DateTimeOffset since)
    {
        foreach (var id in dockerIds)
            _running.Add(Task.Run(() => FollowEngineAsync(docker, id, since)));
    }

    private async Task FollowApiAsync(LogClient client, string uri, DateTimeOffset since)
    {
        try
        {
            await foreach (var message in client.FollowAsync(uri, new LogQuery(Since: since), _stop.Token))
            {
                var now = DateTimeOffset.UtcNow;
                Delays.Add(now - message.Time);
                Interlocked.Increment(ref _received);
                Min(ref _firstArrival, now.UtcTicks);
                Max(ref _lastArrival, now.UtcTicks);
                Min(ref _firstPrinted, message.Time.UtcTicks);
                Max(ref _lastPrinted, message.Time.UtcTicks);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task FollowEngineAsync(IDockerClient docker, string dockerId, DateTimeOffset since)
    {
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true, ShowStderr = true, Timestamps = true, Follow = true, Since = since.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
#pragma warning disable CS0618 // The raw stream, read by the agent's own reader of the engine's frames.
            using var stream = await docker.Containers.GetContainerLogsAsync(dockerId, parameters, _stop.Token);
#pragma warning restore CS0618
            var lines = new DockerLogLines(stream);
            while (await lines.NextAsync(_stop.Token) is { } line)
            {
                if (line.Timestamp < since)
                    continue;
                EngineDelays.Add(DateTimeOffset.UtcNow - line.Timestamp);
                Interlocked.Increment(ref _engineReceived);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private static void Min(ref long field, long value)
    {
        for (var seen = Interlocked.Read(ref field); value < seen; seen = Interlocked.Read(ref field))
        {
            if (Interlocked.CompareExchange(ref field, value, seen) == seen)
                return;
        }
    }

    private static void Max(ref long field, long value)
    {
        for (var seen = Interlocked.Read(ref field); value > seen; seen = Interlocked.Read(ref field))
        {
            if (Interlocked.CompareExchange(ref field, value, seen) == seen)
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
