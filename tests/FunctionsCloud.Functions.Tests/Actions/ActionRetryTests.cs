using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Actions;

/// <summary>Retrying actions on the real app: a failed cluster deploy runs again as a new action, once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionRetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The provider refuses the first machine and makes the next ones, whose agents register.
    private readonly ScriptedNodeProvider _provider = new(n => n == 0 ? NodeScript.FailsCreation : NodeScript.Registers);

    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(
        new Dictionary<string, string?> { ["FunctionsCloud:RegistrationTimeoutSeconds"] = "30" },
        services => services.UseOnlyProvider(_provider));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Retrying_a_failed_deploy_starts_a_new_action_of_the_caller_that_succeeds_and_the_old_one_is_not_retried_twice()
    {
        var cluster = await _app.CreateClusterAsync("second-chance", 1);
        var uri = (string)cluster["resource_uri"]!;
        var failedUri = ActionUri(await _app.Client.PostAsync($"{uri}deploy/", null));
        var failed = await _app.WaitForActionAsync(failedUri, Patience);
        Assert.Equal(("Failed", false, true), ((string?)failed["state"], (bool)failed["can_be_canceled"]!, (bool)failed["can_be_retried"]!));
        Assert.Equal("Partly deployed", (string?)(await _app.GetJsonAsync(uri))["state"]);

        var retry = await _app.Client.PostAsync($"{failedUri}retry/", null);

        await ExpectAsync(retry, HttpStatusCode.Accepted);
        var body = (await retry.Content.ReadFromJsonAsync<JsonObject>())!;
        var retryUri = ActionUri(retry);
        Assert.NotEqual(failedUri, retryUri);
        Assert.Equal((retryUri, "Cluster Deploy", uri, "POST", $"{failedUri}retry/", AdminUser),
            ((string?)body["resource_uri"], (string?)body["action"], (string?)body["object"], (string?)body["method"], (string?)body["path"], (string?)body["user"]));
        var succeeded = await _app.WaitForActionAsync(retryUri, Patience);
        Assert.Equal("Success", (string?)succeeded["state"]);
        Assert.Contains($"Retry of {failedUri}", await _app.ActionLogAsync(succeeded));
        var after = await _app.GetJsonAsync(uri);
        Assert.Equal(("Deployed", 1, null), ((string?)after["state"], (int)after["current_num_nodes"]!, (string?)after["current_action"]));

        var old = await _app.GetJsonAsync(failedUri);
        Assert.Contains($"Retried as {retryUri} by admin", await _app.ActionLogAsync(old));
        Assert.False((bool)old["can_be_retried"]!);
        var twice = await _app.Client.PostAsync($"{failedUri}retry/", null);
        await ExpectAsync(twice, HttpStatusCode.Conflict);
        Assert.Contains("retried already", await twice.Content.ReadAsStringAsync());
    }
}
