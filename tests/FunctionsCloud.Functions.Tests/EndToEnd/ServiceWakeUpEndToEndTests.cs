using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// A service operation waits for its containers without polling: with a slow poll longer than the test's patience,
/// only the events that the heartbeats recording the agents' reports raise can bring a start and a rolling redeploy
/// (one step a container) to their end.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceWakeUpEndToEndTests : IAsyncLifetime
{
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        var settings = Settings();
        settings["FunctionsCloud:ContainerPollSeconds"] = ((int)(Patience.TotalSeconds * 3)).ToString();
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(settings));
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
    }

    [Fact]
    public async Task A_start_and_a_rolling_redeploy_end_as_the_reports_come_in_not_at_a_poll()
    {
        _nodes = await _e2e.DeployNodesAsync("wake", 1);
        var web = await _e2e.CreateServiceAsync(new { name = "rolling", image_name = DockerEngine.TestImage, target_num_containers = 2, sequential_deployment = true });

        await _e2e.PostAsync(web, "start");
        var before = (await _e2e.LiveContainersAsync(web)).Select(c => (string)c["docker_id"]!).ToList();
        var redeployed = await _e2e.PostAsync(web, "redeploy");

        var after = await _e2e.LiveContainersAsync(web);
        Assert.Equal(2, after.Count(c => (string?)c["state"] == "Running"));
        Assert.Empty(after.Select(c => (string)c["docker_id"]!).Intersect(before));
        Assert.Contains("one at a time", await _e2e.App.ActionLogAsync(redeployed));
    }
}
