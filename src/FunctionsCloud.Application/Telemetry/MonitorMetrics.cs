using System.Diagnostics.Metrics;
using FunctionsCloud.Application.Liveness;

namespace FunctionsCloud.Application.Telemetry;

/// <summary>How long each liveness monitor tick took, and the nodes it judged, by verdict.</summary>
public static class MonitorMetrics
{
    private static readonly Histogram<double> TickDuration = FunctionsCloudTelemetry.Meter.CreateHistogram<double>(
        FunctionsCloudTelemetry.MonitorTickDuration, "s", "Time one liveness monitor tick took.");

    private static readonly Counter<long> NodesJudged = FunctionsCloudTelemetry.Meter.CreateCounter<long>(
        FunctionsCloudTelemetry.NodesJudged, "{node}", "Silent nodes the monitor judged, by verdict (unreachable, lost, forgotten, spared).");

    public static void Record(MonitorTick tick, TimeSpan took)
    {
        TickDuration.Record(took.TotalSeconds);
        Judged("unreachable", tick.MadeUnreachable);
        Judged("lost", tick.Lost);
        Judged("forgotten", tick.Forgotten);
        Judged("spared", tick.Claimed - tick.MadeUnreachable - tick.Lost - tick.Forgotten);
    }

    private static void Judged(string verdict, int count)
    {
        if (count > 0)
            NodesJudged.Add(count, new KeyValuePair<string, object?>("verdict", verdict));
    }
}
