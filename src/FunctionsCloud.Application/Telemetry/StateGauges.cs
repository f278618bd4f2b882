using System.Diagnostics.Metrics;
using FunctionsCloud.Storage.Census;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Application.Telemetry;

/// <summary>
/// Gauges of the nodes and containers by state (<c>functionscloud.nodes</c>, <c>functionscloud.containers</c>, tagged
/// <c>state</c>). A collection reads the last census, never storage: the census is taken every
/// <see cref="EverySetting"/> seconds (60 by default) by one scan of each table reading the State column of the rows
/// that are not Terminated. Registered only when telemetry listens.
/// </summary>
public sealed partial class StateGauges : BackgroundService
{
    public const string EverySetting = "FunctionsCloud:Telemetry:StateCountSeconds";

    private readonly IStateCensus _census;
    private readonly TimeSpan _every;
    private readonly ILogger<StateGauges> _logger;
    private volatile StateCounts _last = StateCounts.None;

    public StateGauges(IStateCensus census, IMeterFactory meters, TimeSpan every, ILogger<StateGauges> logger)
    {
        (_census, _every, _logger) = (census, every, logger);
        var meter = meters.Create(FunctionsCloudTelemetry.Name);
        meter.CreateObservableGauge(FunctionsCloudTelemetry.NodesByState, () => Measure(_last.Nodes), "{node}", "Nodes in each state (Terminated not counted), as of the last census.");
        meter.CreateObservableGauge(FunctionsCloudTelemetry.ContainersByState, () => Measure(_last.Containers), "{container}", "Containers in each state (Terminated not counted), as of the last census.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_every);
        do
        {
            try
            {
                _last = await _census.CountAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCensusFailed(_logger, e.Message); // the gauges keep the last census
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static IEnumerable<Measurement<long>> Measure(IReadOnlyDictionary<string, long> counts) =>
        counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", c.Key)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The census of nodes and containers by state failed: {Reason}")]
    private static partial void LogCensusFailed(ILogger logger, string reason);
}
