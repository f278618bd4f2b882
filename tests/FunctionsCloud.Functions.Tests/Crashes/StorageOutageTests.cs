using System.Net.Http.Json;
using FunctionsCloud.LocalHost.Azurite;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Crashes;
using FunctionsCloud.Testing.Docker;

namespace FunctionsCloud.Functions.Tests.Crashes;

/// <summary>
/// The control plane's own storage (an Azurite of the test's own, keeping its data on disk) stopped for 20 s while a
/// service scales, then started again: the operation completes, the agents' heartbeats of that window are retried,
/// and no node is marked Unreachable for a silence that was the control plane's. Heartbeats every 2 s and
/// Unreachable after 6 s, so that without <c>OwnStorageOutage</c> every node would be judged silent.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "functionscloud-tests", "azurite-" + Guid.NewGuid().ToString("N")[..8]);
    private AzuriteLauncher _azurite = null!;
    private LocalHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _azurite = await AzuriteLauncher.StartPrivateAsync(_data);
        _host = await LocalHostProcess.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = "2",
            ["FunctionsCloud:UnreachableAfterSeconds"] = "6",
            ["FunctionsCloud:LostAfterSeconds"] = "120",
            ["FunctionsCloud:MonitorSchedule"] = "* * * * * *",
            ["FunctionsCloud:MonitorPeriodSeconds"] = "1",
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "150",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_scale_completes_across_a_storage_outage_and_no_node_is_judged_for_it()
    {
        var cluster = await _host.CreateAsync("/api/infra/v1/nodecluster/", new
        {
            name = "outage", target_num_nodes = 3,
            region = "/api/infra/v1/region/local/local/", node_type = "/api/infra/v1/nodetype/local/local/",
        });
        await SucceedsAsync(await LocalHostProcess.AcceptedAsync(_host.Client.PostAsync($"{cluster}deploy/", null)));
        var nodes = (await _host.GetJsonAsync(cluster))["nodes"]!.AsArray().Select(n => (string)n!).ToList();
        var service = await _host.CreateAsync("/api/app/v1/service/", new { name = "outageweb", image_name = "functionscloud/busybox", target_num_containers = 0 });
        await SucceedsAsync(await LocalHostProcess.AcceptedAsync(_host.Client.PostAsync($"{service}start/", null)));

        var scale = await LocalHostProcess.AcceptedAsync(_host.Client.PatchAsJsonAsync(service, new { target_num_containers = 6 }));
        await _azurite.StopAsync();
        await Task.Delay(Outage); // the outage itself: what is under test is what happens across it
        await _azurite.StartAgainAsync();

        await SucceedsAsync(scale);
        var containers = await _host.GetJsonAsync($"/api/app/v1/container/?service={Uri.EscapeDataString(service)}&limit=100");
        Assert.Equal(6, containers["objects"]!.AsArray().Count(c => (string?)c!["state"] == "Running"));
        foreach (var node in nodes)
        {
            Assert.Equal("Deployed", (string?)(await _host.GetJsonAsync(node))["state"]);
            var events = await _host.GetJsonAsync($"/api/audit/v1/event/?object={Uri.EscapeDataString(node)}");
            Assert.DoesNotContain(events["objects"]!.AsArray(), e => (string?)e!["state"] is "Unreachable" or "Lost");
            var agentLog = await File.ReadAllTextAsync(Path.Combine(_host.Settings.StateRoot, node.TrimEnd('/').Split('/')[^1], "agent.log"));
            Assert.Contains("heartbeat failed", agentLog);
            Assert.Contains("heartbeat accepted after", agentLog);
        }
    }

    private Task SucceedsAsync(string actionUri) => _host.SucceedsAsync(actionUri, Patience);
}
