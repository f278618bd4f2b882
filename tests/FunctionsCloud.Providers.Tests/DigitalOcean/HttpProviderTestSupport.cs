using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FunctionsCloud.Providers.Http;
using WireMock;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace FunctionsCloud.Providers.Tests.DigitalOcean;

/// <summary>
/// A clock that never waits: it records each wait and moves its own time on by it, the resilience pipeline's retry
/// waits included (through <see cref="Time"/>).
/// </summary>
public sealed class RecordingProviderClock : IProviderClock
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];

    public RecordingProviderClock() => Time = new RecordingTime(this);

    public TimeProvider Time { get; }

    public DateTimeOffset UtcNow
    {
        get { lock (_gate) { return Now; } }
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get { lock (_gate) { return [.. _delays]; } }
    }

    public double JitterFraction { get; set; } = 0.5;

    private DateTimeOffset Now { get; set; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _delays.Add(delay);
            Now += delay;
        }

        return Task.CompletedTask;
    }

    public double NextJitterFraction() => JitterFraction;

    /// <summary>
    /// Waits (Task.Delay on this time) end at once, recorded. A timeout's timer (it cancels a CancellationTokenSource)
    /// never fires: nothing in these tests is slow, and the pipeline's attempt timeout must not cut a call short.
    /// </summary>
    private sealed class RecordingTime(RecordingProviderClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.UtcNow;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (state is not CancellationTokenSource && dueTime != Timeout.InfiniteTimeSpan)
            {
                clock.DelayAsync(dueTime, CancellationToken.None);
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            return new IdleTimer();
        }
    }

    private sealed class IdleTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>WireMock on loopback, and JSON answers for the fakes built on it.</summary>
public static class LoopbackWireMock
{
    public static WireMockServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
    }

    public static IResponseMessage Json(int status, object? body, JsonSerializerOptions? options = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var response = new ResponseMessage { StatusCode = status };
        if (body is not null)
        {
            response.BodyData = new BodyData { BodyAsString = JsonSerializer.Serialize(body, options), DetectedBodyType = BodyType.String };
            response.AddHeader("Content-Type", "application/json; charset=utf-8");
        }

        foreach (var (name, value) in headers ?? [])
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
