using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.EndToEnd;

/// <summary>
/// Containers that do not run, on a one-node local cluster: an image that cannot be pulled, a command that exits,
/// and autodestroy. Each ends with the reason in the action's log and in the container.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceExitsEndToEndTests : IAsyncLifetime
{
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        var settings = Settings();
        settings["FunctionsCloud:ContainerTimeoutSeconds"] = "30";
        _e2e = new ServiceEndToEnd(await StartAsync(settings));
        _nodes = await _e2e.DeployNodesAsync("exits", 1);
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
    }

    [Fact]
    public async Task Containers_that_cannot_run_are_reported_with_their_reasons()
    {
        // No registry answers at 127.0.0.1:1: the pull fails at once.
        var missing = await StartFailingAsync("missing", new { name = "missing", image_name = "127.0.0.1:1/nothing:1" }, "missing-1");
        Assert.Equal("Not running", (string?)(await _e2e.App.GetJsonAsync(missing.Service))["state"]);
        Assert.Contains("127.0.0.1:1/nothing:1", (string?)missing.Container["exit_code_msg"]);

        // It runs for a moment, then exits: the start sees it Running, the service follows its report.
        var exits = await _e2e.CreateServiceAsync(new { name = "exits", image_name = DockerEngine.TestImage, run_command = "sh -c 'sleep 1; exit 3'" });
        await StartAndWaitAsync(exits);
        await Eventually.HoldsAsync(async () => (int?)(await _e2e.LiveContainersAsync(exits)).Single()["exit_code"] == 3, Patience, "exit code 3 reported");
        Assert.Equal("Stopped", (string?)(await _e2e.LiveContainersAsync(exits)).Single()["state"]);
        Assert.Equal("Not running", (string?)(await _e2e.App.GetJsonAsync(exits))["state"]);

        var once = await _e2e.CreateServiceAsync(new { name = "once", image_name = DockerEngine.TestImage, run_command = "true", autodestroy = "ALWAYS" });
        await StartAndWaitAsync(once);
        await Eventually.HoldsAsync(async () => (await _e2e.LiveContainersAsync(once)).Count == 0, Patience, "the exited container terminated");
        Assert.Equal(0, (int?)(await _e2e.App.GetJsonAsync(once))["target_num_containers"]);
    }

    /// <summary>Starts the service and waits for the action: Success if its container was seen Running, Failed if it had exited already.</summary>
    private async Task StartAndWaitAsync(string service)
    {
        var start = await _e2e.App.Client.PostAsync($"{service}start/", null);
        await ExpectAsync(start, System.Net.HttpStatusCode.Accepted);
        await _e2e.App.WaitForActionAsync(ActionUri(start), Patience);
    }

    /// <summary>Starts the service, expects its action to fail naming the container; returns the container and the log.</summary>
    private async Task<(string Service, System.Text.Json.Nodes.JsonObject Container, string Logs)> StartFailingAsync(string what, object body, string container)
    {
        var service = await _e2e.CreateServiceAsync(body);
        var start = await _e2e.App.Client.PostAsync($"{service}start/", null);
        await ExpectAsync(start, System.Net.HttpStatusCode.Accepted);
        var action = await _e2e.App.WaitForActionAsync(ActionUri(start), Patience);
        var logs = await _e2e.App.ActionLogAsync(action);
        Assert.True((string?)action["state"] == "Failed", $"{what}: {logs}");
        Assert.Contains(container, logs);
        return (service, Assert.Single(await _e2e.LiveContainersAsync(service)), logs);
    }
}
