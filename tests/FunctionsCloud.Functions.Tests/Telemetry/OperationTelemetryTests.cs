using System.Diagnostics;
using System.Net;
using FunctionsCloud.Application.Telemetry;
using FunctionsCloud.Functions.Telemetry;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Telemetry;

/// <summary>One cluster deployment, seen through the worker's OpenTelemetry setup with in-memory exporters.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationTelemetryTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?> { [WorkerTelemetry.EnabledSetting] = "true" }, services =>
    {
        services.UseOnlyProvider(new ScriptedNodeProvider(_ => NodeScript.Registers));
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Microsoft.AspNetCore").AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_deployment_is_one_trace_from_its_request_through_its_orchestration_activities_and_provider_calls_and_counted()
    {
        var cluster = await _app.CreateClusterAsync("traced", 1);
        var deploy = await _app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null);
        await ExpectAsync(deploy, HttpStatusCode.Accepted);
        var action = await _app.WaitForActionAsync(ActionUri(deploy), TimeSpan.FromSeconds(60));
        Assert.Equal("Success", (string?)action["state"]);
        _app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var spans = Snapshot();
        var provider = Assert.Single(spans, s => s.OperationName == FunctionsCloudTelemetry.ProviderCallSpan && (string?)s.GetTagItem("provider.call") == "create_nodes");
        Assert.Equal("local", provider.GetTagItem("provider.name"));
        Assert.Equal(1, provider.GetTagItem("provider.nodes"));
        var trace = spans.Where(s => s.TraceId == provider.TraceId).ToList();
        // The provider call, inside its activity, inside the orchestration the deploy request started.
        var path = Ancestors(provider, trace).Select(s => $"{s.Source.Name}: {s.DisplayName}").ToList();
        Assert.Contains("Microsoft.DurableTask: activity:CreateClusterNodes", path);
        var started = Assert.Single(trace, s => s.DisplayName == "create_orchestration:NodeClusterOperation");
        var request = Assert.Single(spans, s => s.SpanId == started.ParentSpanId);
        Assert.Equal(("Microsoft.AspNetCore", ActivityKind.Server), (request.Source.Name, request.Kind));
        Assert.Equal(provider.TraceId, request.TraceId);

        // The action reads Success as soon as it is stored; it is counted just after, so the count is awaited.
        // The meter is the process's, so tests running beside this one may add deployments of their own: at least one.
        await Eventually.HoldsAsync(() => Task.FromResult(DeploymentCounted()), TimeSpan.FromSeconds(10), "the deployment counted with its duration");
    }

    private bool DeploymentCounted()
    {
        _app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var counted = Points(FunctionsCloudTelemetry.Operations)
            .Any(p => Tag(p, "kind") == "Cluster Deploy" && Tag(p, "outcome") == "Success" && p.GetSumLong() >= 1);
        var timed = Points(FunctionsCloudTelemetry.OperationDuration)
            .Any(p => Tag(p, "kind") == "Cluster Deploy" && Tag(p, "outcome") == "Success" && p.GetHistogramCount() >= 1 && p.GetHistogramSum() > 0);
        return counted && timed;
    }

    /// <summary>The span's parents within the trace, nearest first.</summary>
    private static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
            yield return parent;
    }

    private List<Activity> Snapshot()
    {
        lock (_spans)
            return [.. _spans];
    }

    private List<MetricPoint> Points(string instrument)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.ToArray().Where(m => m.Name == instrument))
            foreach (ref readonly var point in metric.GetMetricPoints())
                points.Add(point);
        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key)
                return tag.Value?.ToString();
        return null;
    }
}
