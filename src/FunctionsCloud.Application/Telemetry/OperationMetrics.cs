using System.Diagnostics;
using System.Diagnostics.Metrics;
using FunctionsCloud.Domain.Actions;

namespace FunctionsCloud.Application.Telemetry;

/// <summary>Operations that ended, by kind (the action's name) and outcome (its final state), and how long they took.</summary>
public static class OperationMetrics
{
    private static readonly Counter<long> Operations = FunctionsCloudTelemetry.Meter.CreateCounter<long>(
        FunctionsCloudTelemetry.Operations, "{operation}", "Operations that ended, by kind and outcome.");

    private static readonly Histogram<double> Duration = FunctionsCloudTelemetry.Meter.CreateHistogram<double>(
        FunctionsCloudTelemetry.OperationDuration, "s", "Time from an operation's action starting to its end, by kind and outcome.");

    public static void Ended(ActionRecord action)
    {
        var tags = new TagList { { "kind", action.Action }, { "outcome", action.State.ToString() } };
        Operations.Add(1, tags);
        if (action.EndDate is { } end)
            Duration.Record((end - action.StartDate).TotalSeconds, tags);
    }
}
