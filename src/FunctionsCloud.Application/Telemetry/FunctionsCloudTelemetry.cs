using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FunctionsCloud.Application.Telemetry;

/// <summary>
/// The control plane's own spans and metrics, under one name for both, which the worker's OpenTelemetry setup listens
/// to beside the Functions worker's, Durable Task's and HttpClient's. Instruments are named after what they count.
/// </summary>
public static class FunctionsCloudTelemetry
{
    public const string Name = "FunctionsCloud";

    public const string Heartbeats = "functionscloud.heartbeats";
    public const string MonitorTickDuration = "functionscloud.monitor.tick.duration";
    public const string NodesJudged = "functionscloud.monitor.nodes_judged";
    public const string Operations = "functionscloud.operations";
    public const string OperationDuration = "functionscloud.operation.duration";
    public const string NodesByState = "functionscloud.nodes";
    public const string ContainersByState = "functionscloud.containers";

    public const string ProviderCallSpan = "provider";
    public const string MonitorTickSpan = "monitor.tick";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
