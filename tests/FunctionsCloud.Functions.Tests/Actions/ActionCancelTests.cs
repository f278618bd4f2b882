using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Actions;

/// <summary>
/// Canceling actions on the real app: a cluster deploy waiting for agents that never call stops, settles its
/// cluster and ends Canceled; finished actions and other namespaces' actions are refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionCancelTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Machines come up but their agents never call: a deploy waits (for minutes) until it is canceled.
    private readonly ScriptedNodeProvider _provider = new(_ => NodeScript.NeverRegisters);

    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(
        new Dictionary<string, string?> { ["FunctionsCloud:RegistrationTimeoutSeconds"] = "600" },
        services => services.UseOnlyProvider(_provider));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Canceling_a_deploy_that_waits_for_its_nodes_stops_it_settles_the_cluster_and_ends_canceled()
    {
        var cluster = await _app.CreateClusterAsync("slow", 2);
        var uri = (string)cluster["resource_uri"]!;
        var actionUri = ActionUri(await _app.Client.PostAsync($"{uri}deploy/", null));
        await _app.WaitForLogAsync(actionUri, log => log.Split("waiting for its agent").Length == 3, Patience);
        var waiting = await _app.GetJsonAsync(actionUri);
        Assert.Equal(("In progress", true, false), ((string?)waiting["state"], (bool)waiting["can_be_canceled"]!, (bool)waiting["can_be_retried"]!));

        var cancel = await _app.Client.PostAsync($"{actionUri}cancel/", null);

        await ExpectAsync(cancel, HttpStatusCode.Accepted);
        var canceling = (await cancel.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(actionUri, ActionUri(cancel));
        Assert.Contains((string?)canceling["state"], new[] { "Canceling", "Canceled" });
        Assert.False((bool)canceling["can_be_canceled"]!);
        var canceled = await _app.WaitForStateAsync(actionUri, "Canceled", Patience);
        var log = await _app.ActionLogAsync(canceled);
        Assert.Contains("Cancel requested by admin", log);
        Assert.Contains("Canceled. The cluster is Partly deployed: 0 of 2 nodes deployed.", log);
        Assert.NotNull(canceled["end_date"]);
        Assert.Equal((false, true), ((bool)canceled["can_be_canceled"]!, (bool)canceled["can_be_retried"]!));

        var after = await _app.GetJsonAsync(uri);
        Assert.Equal(("Partly deployed", null), ((string?)after["state"], (string?)after["current_action"]));
        Assert.Equal(2, _provider.Created.Count); // the machines made so far stay
        var again = await _app.Client.PostAsync($"{actionUri}cancel/", null);
        await ExpectAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("Canceled and cannot be canceled", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_finished_action_cannot_be_canceled_and_one_that_succeeded_cannot_be_retried()
    {
        var cluster = await _app.CreateClusterAsync("brief", 1);
        var actionUri = ActionUri(await _app.Client.DeleteAsync((string)cluster["resource_uri"]!));
        var done = await _app.WaitForActionAsync(actionUri, Patience);
        Assert.Equal(("Success", false, false), ((string?)done["state"], (bool)done["can_be_canceled"]!, (bool)done["can_be_retried"]!));

        var cancel = await _app.Client.PostAsync($"{actionUri}cancel/", null);
        var retry = await _app.Client.PostAsync($"{actionUri}retry/", null);

        await ExpectAsync(cancel, HttpStatusCode.Conflict);
        Assert.Contains("Success and cannot be canceled", await cancel.Content.ReadAsStringAsync());
        await ExpectAsync(retry, HttpStatusCode.Conflict);
        Assert.Contains("it succeeded", await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, (int)(await _app.GetJsonAsync("/api/audit/v1/action/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Another_namespaces_action_is_not_found_to_get_cancel_or_retry()
    {
        var cluster = await _app.CreateClusterAsync("private", 1);
        var actionUri = ActionUri(await _app.Client.PostAsync($"{cluster["resource_uri"]}deploy/", null));
        using var bob = await new ServiceArrangements(_app).OtherNamespaceClientAsync();

        var get = await bob.GetAsync(actionUri);
        var cancel = await bob.PostAsync($"{actionUri}cancel/", null);
        var retry = await bob.PostAsync($"{actionUri}retry/", null);

        await ExpectAsync(get, HttpStatusCode.NotFound);
        await ExpectAsync(cancel, HttpStatusCode.NotFound);
        await ExpectAsync(retry, HttpStatusCode.NotFound);
        var action = await _app.GetJsonAsync(actionUri);
        Assert.NotEqual("Canceling", (string?)action["state"]);
        Assert.Equal(0, (int)(await bob.GetFromJsonAsync<JsonObject>("/api/audit/v1/action/"))!["meta"]!["total_count"]!);
        await ExpectAsync(await _app.Client.PostAsync($"{actionUri}cancel/", null), HttpStatusCode.Accepted); // no deploy left waiting
    }
}
