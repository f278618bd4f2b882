using System.Diagnostics.Metrics;
using FunctionsCloud.Application.Telemetry;
using FunctionsCloud.Functions.Telemetry;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Telemetry;

/// <summary>The gauges of nodes and containers by state, read as a collector reads them, from the app's last census.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StateGaugeTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?>
    {
        [WorkerTelemetry.EnabledSetting] = "true",
        [StateGauges.EverySetting] = "1",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Registered_nodes_are_counted_by_state_in_the_gauge()
    {
        var gauged = new Dictionary<(string Instrument, string State), long>();
        using var listener = new MeterListener();
        var ours = _app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == ours && instrument.Name is FunctionsCloudTelemetry.NodesByState or FunctionsCloudTelemetry.ContainersByState)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                gauged[(instrument.Name, (string)tag.Value!)] = value;
        });
        listener.Start();

        await _app.RegisterNodeAsync();
        await _app.RegisterNodeAsync();

        await Eventually.HoldsAsync(() =>
        {
            gauged.Clear();
            listener.RecordObservableInstruments();
            return Task.FromResult(gauged.GetValueOrDefault((FunctionsCloudTelemetry.NodesByState, "Deployed")) == 2);
        }, TimeSpan.FromSeconds(30), "the nodes gauge to count 2 Deployed nodes");
        Assert.DoesNotContain(gauged.Keys, k => k.State == "Terminated");
    }
}
