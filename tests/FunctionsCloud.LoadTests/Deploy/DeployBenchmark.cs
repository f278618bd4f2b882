using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.LoadTests.Deploy;

/// <summary>
/// Deploys N nodes through a cloud whose every call takes a second and creates at most 10 machines, on the
/// in-process durable backend (as many activities at once as cores). Provider activities hold a worker slot
/// only for their calls, so batches of 10 in parallel finish in under 10 s for 100 nodes. The baseline, in
/// the same run, sends one machine per call (what a provider without batch calls would cost).
/// </summary>
public static class DeployBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    public static async Task<bool> RunAsync(Arguments arguments, TextWriter output)
    {
        var nodes = arguments.Int("nodes", 100, 10, 1000);
        var callTime = TimeSpan.FromSeconds(arguments.Double("call-seconds", 0.1, 5) ?? 1);
        arguments.RequireAllUsed();
        await using var storage = await PrivateStorage.StartAsync();

        var batched = await DeployAsync(storage, nodes, callTime, batchSize: 10);
        var baseline = await DeployAsync(storage, nodes, callTime, batchSize: 1);

        output.WriteLine($"deploy {nodes} nodes, every provider call {callTime.TotalSeconds:0.#} s, {Environment.ProcessorCount} cores (activity slots)");
        output.WriteLine($"  batches of 10: {batched.Elapsed.TotalSeconds:0.0} s, {batched.Calls} provider calls");
        output.WriteLine($"  one per call (baseline): {baseline.Elapsed.TotalSeconds:0.0} s, {baseline.Calls} provider calls");
        output.WriteLine($"  ratio batched/baseline: {batched.Elapsed / baseline.Elapsed:0.00}; target < {Target.TotalSeconds:0} s for 100 nodes: {(batched.Elapsed < Target ? "met" : "NOT met")}");
        return batched.Elapsed < Target || nodes != 100;
    }

    private static async Task<(TimeSpan Elapsed, int Calls)> DeployAsync(PrivateStorage storage, int nodes, TimeSpan callTime, int batchSize)
    {
        var cloud = new SlowCloudProvider(callTime, maxPerCall: 10);
        await using var app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["FunctionsCloud:ProviderBatchSize"] = batchSize.ToString(),
            ["FunctionsCloud:MaxNodesPerCluster"] = Math.Max(100, nodes).ToString(),
            // The stand-in machines register but send no heartbeats: keep the monitor from calling them silent.
            ["FunctionsCloud:UnreachableAfterSeconds"] = "3600",
            ["FunctionsCloud:LostAfterSeconds"] = "7200",
        }, services =>
        {
            foreach (var registration in services.Where(s => s.ServiceType == typeof(INodeProvider)).ToList())
                services.Remove(registration);
            services.AddSingleton<INodeProvider>(cloud);
        });

        var cluster = await app.CreateClusterAsync($"bench-{batchSize}", nodes);
        var watch = Stopwatch.StartNew();
        var deploy = await app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null);
        deploy.EnsureSuccessStatusCode();
        var action = await app.WaitForActionAsync(FunctionsCloudTestHost.ActionUri(deploy), TimeSpan.FromMinutes(5));
        watch.Stop();
        if ((string?)action["state"] != "Success")
            throw new InvalidOperationException($"The deployment did not succeed: {await app.ActionLogAsync(action)}");
        return (watch.Elapsed, cloud.Calls);
    }
}
