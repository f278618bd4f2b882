using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.EndToEnd;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using static FunctionsCloud.Functions.Tests.EndToEnd.ServiceEndToEnd;

namespace FunctionsCloud.Functions.Tests.Repositories;

/// <summary>
/// A private image end to end: Docker's reference registry on a loopback port with password authentication, a
/// one-node local cluster with its real agent and the real engine. Without registered credentials the container fails
/// with the registry's reason in the action's log; once the repository is registered, starting it again pulls and runs it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PrivateImageEndToEndTests : IAsyncLifetime
{
    private LoopbackRegistry _registry = null!;
    private ServiceEndToEnd _e2e = null!;
    private IReadOnlyList<string> _nodes = [];
    private string _repository = "";
    private string _image = "";

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _registry = await LoopbackRegistry.StartAsync();
        _repository = $"{_registry.Host}/team/app-{Guid.NewGuid():N}";
        _image = await _registry.PushAsync(DockerEngine.TestImage, _repository[(_registry.Host.Length + 1)..]);
        _e2e = new ServiceEndToEnd(await FunctionsCloudTestHost.StartAsync(Settings()));
        _nodes = await _e2e.DeployNodesAsync("private", 1);
    }

    public async Task DisposeAsync()
    {
        await _e2e.App.DisposeAsync();
        await RemoveContainersOfAsync(_nodes);
        await DockerCli.RunAsync("rmi", _image);
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task A_private_image_fails_with_the_registrys_reason_until_its_credentials_are_registered_then_runs()
    {
        var service = await _e2e.CreateServiceAsync(new
        {
            name = "private",
            image_name = _image,
            container_ports = new[] { new { protocol = "tcp", inner_port = 80, published = true } },
        });

        var start = await _e2e.App.Client.PostAsync(service + "start/", null);
        await FunctionsCloudTestHost.ExpectAsync(start, HttpStatusCode.Accepted);
        var failed = await _e2e.App.WaitForActionAsync(FunctionsCloudTestHost.ActionUri(start), Patience);
        Assert.Equal("Failed", (string?)failed["state"]);
        var log = await ActionLogAsync(failed);
        Assert.Contains($"The image {_image} could not be pulled", log, StringComparison.Ordinal);
        Assert.Contains("no basic auth credentials", log, StringComparison.Ordinal);

        var registered = await _e2e.App.Client.PostAsJsonAsync("/api/repo/v1/repository/",
            new { name = _repository, username = LoopbackRegistry.User, password = _registry.Password });
        await FunctionsCloudTestHost.ExpectAsync(registered, HttpStatusCode.Created);
        await _e2e.PostAsync(service, "start");

        var container = Assert.Single(await _e2e.LiveContainersAsync(service));
        Assert.Equal("Running", (string?)container["state"]);
        Assert.Equal("functionscloud", (await AnswerAsync(container)).Trim());
        Assert.DoesNotContain(_registry.Password, await ActionLogAsync(failed), StringComparison.Ordinal);
    }

    private async Task<string> ActionLogAsync(JsonObject action)
    {
        var lines = await _e2e.App.Client.GetFromJsonAsync<JsonArray>((string)action["resource_uri"]! + "logs/");
        return string.Join('\n', lines!.Select(line => (string?)line!["log"]));
    }
}
