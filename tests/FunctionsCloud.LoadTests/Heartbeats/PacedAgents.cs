using System.Diagnostics;

namespace FunctionsCloud.LoadTests.Heartbeats;

/// <summary>
/// Agents that each send on their own schedule (starts spread over one interval), the same for heartbeats and for the
/// raw upserts they are compared with. A late agent sends at once but never catches up in a burst. The first
/// <see cref="WarmUp"/> is not counted.
/// </summary>
public static class PacedAgents
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <param name="send">Sends agent i's next request; returns what kind of request it turned out to be, or null when it failed.</param>
    /// <param name="measuring">Called once, when the warm-up ends and counting starts.</param>
    public static async Task<PacedRun> RunAsync(int agents, TimeSpan interval, TimeSpan duration, Func<int, Task<string?>> send, Action? measuring = null)
    {
        var run = new PacedRun(Stopwatch.GetTimestamp());
        TimeSpan Elapsed() => Stopwatch.GetElapsedTime(run.StartedAt);
        var (measureFrom, end) = (WarmUp, WarmUp + duration);
        var warmedUp = Task.Delay(WarmUp).ContinueWith(_ => measuring?.Invoke(), TaskScheduler.Default);
        await Task.WhenAll(Enumerable.Range(0, agents).Select(async i =>
        {
            for (var next = interval * i / agents; ; next += interval)
            {
                var wait = next - Elapsed();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
                else
                    next = Elapsed();
                if (next >= end)
                    return;
                var sent = Elapsed();
                run.CountSent();
                var kind = await send(i);
                if (sent >= measureFrom)
                    run.Record(kind, sent, Elapsed() - sent);
            }
        }));
        await warmedUp;
        return run;
    }
}
