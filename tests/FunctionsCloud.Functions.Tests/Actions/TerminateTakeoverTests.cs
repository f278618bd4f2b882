using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Functions.Tests.Liveness;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Nodes;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Actions;

/// <summary>
/// On the real app and orchestrations: while an operation is in flight, a PATCH of its object (a cluster, a node of
/// the cluster, a service) is a 409 naming that action, and a DELETE of a cluster, a node, a service or a container
/// answers 202 with a terminate action of its own, which cancels the operation in flight, waits for it to stop, and
/// terminates. A deploy that waits for agents that never call, and a start whose node never reports, stay in flight.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TerminateTakeoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ScriptedNodeProvider _provider = new(_ => NodeScript.NeverRegisters);

    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(
        new Dictionary<string, string?>
        {
            ["FunctionsCloud:RegistrationTimeoutSeconds"] = "600",
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "600",
        },
        services => services.UseOnlyProvider(_provider));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Deleting_a_cluster_while_it_deploys_cancels_the_deploy_and_terminates_it_as_its_own_action()
    {
        var (cluster, deploy) = await DeployingAsync("takeover", 2);
        var node = (string)(await _app.GetJsonAsync(cluster))["nodes"]!.AsArray()[0]!;
        await ExpectConflictNamingAsync(await _app.Client.PatchAsJsonAsync(cluster, new { nickname = "renamed" }), deploy);
        await ExpectConflictNamingAsync(await _app.Client.PatchAsJsonAsync(node, new { nickname = "renamed" }), deploy);

        var delete = await _app.Client.DeleteAsync(cluster);

        await ExpectAsync(delete, HttpStatusCode.Accepted);
        var terminate = ActionUri(delete);
        Assert.NotEqual(deploy, terminate);
        Assert.Equal("Terminating", (string?)(await delete.Content.ReadFromJsonAsync<JsonObject>())!["state"]);
        await ExpectConflictNamingAsync(await _app.Client.PatchAsJsonAsync(node, new { nickname = "renamed" }), terminate);
        var done = await _app.WaitForActionAsync(terminate, Patience);
        Assert.Equal(("Success", "Cluster Terminate", cluster), ((string?)done["state"], (string?)done["action"], (string?)done["object"]));
        Assert.Contains($"{deploy} was in flight: it is canceled", await _app.ActionLogAsync(done));
        var canceled = await _app.GetJsonAsync(deploy);
        Assert.Equal("Canceled", (string?)canceled["state"]);
        Assert.Contains($"terminated by {terminate}", await _app.ActionLogAsync(canceled));
        var after = await _app.GetJsonAsync(cluster);
        Assert.Equal(("Terminated", null), ((string?)after["state"], (string?)after["current_action"]));
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(node))["state"]);
        Assert.Equal(2, _provider.Terminated.Count(n => _provider.Created.ContainsKey(n)));
    }

    [Fact]
    public async Task Deleting_a_node_while_its_cluster_deploys_cancels_the_deploy_and_terminates_the_node()
    {
        var (cluster, deploy) = await DeployingAsync("one-less", 1);
        var node = (string)(await _app.GetJsonAsync(cluster))["nodes"]!.AsArray()[0]!;

        var delete = await _app.Client.DeleteAsync(node);

        await ExpectAsync(delete, HttpStatusCode.Accepted);
        var done = await _app.WaitForActionAsync(ActionUri(delete), Patience);
        Assert.Equal(("Success", "Node Terminate", node), ((string?)done["state"], (string?)done["action"], (string?)done["object"]));
        Assert.Equal("Canceled", (string?)(await _app.GetJsonAsync(deploy))["state"]);
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(node))["state"]);
        var after = await _app.GetJsonAsync(cluster);
        Assert.Equal((0, "Empty cluster", null), ((int)after["target_num_nodes"]!, (string?)after["state"], (string?)after["current_action"]));
    }

    [Fact]
    public async Task Deleting_a_service_while_it_starts_cancels_the_start_and_terminates_it()
    {
        var (agent, service, start) = await StartingAsync("web");
        await ExpectConflictNamingAsync(await _app.Client.PatchAsJsonAsync(service, new { nickname = "renamed" }), start);

        var delete = await _app.Client.DeleteAsync(service);

        await ExpectAsync(delete, HttpStatusCode.Accepted);
        var terminate = ActionUri(delete);
        Assert.Equal("Terminating", (string?)(await _app.GetJsonAsync(service))["state"]);
        var done = await ReportNothingUntilEndedAsync(agent, terminate);
        Assert.Equal(("Success", "Service Terminate"), ((string?)done["state"], (string?)done["action"]));
        Assert.Equal("Canceled", (string?)(await _app.GetJsonAsync(start))["state"]);
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(service))["state"]);
    }

    [Fact]
    public async Task Deleting_a_container_while_its_service_starts_cancels_the_start_and_terminates_the_container()
    {
        var (agent, service, start) = await StartingAsync("api");
        var container = (string)(await _app.GetJsonAsync(service))["containers"]!.AsArray().Single()!;

        var delete = await _app.Client.DeleteAsync(container);

        await ExpectAsync(delete, HttpStatusCode.Accepted);
        var done = await ReportNothingUntilEndedAsync(agent, ActionUri(delete));
        Assert.Equal(("Success", "Container Terminate", container), ((string?)done["state"], (string?)done["action"], (string?)done["object"]));
        Assert.Equal("Canceled", (string?)(await _app.GetJsonAsync(start))["state"]);
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(container))["state"]);
        var after = await _app.GetJsonAsync(service);
        Assert.Equal((0, null), ((int)after["target_num_containers"]!, (string?)after["current_action"]));
    }

    [Fact]
    public async Task Deleting_a_stack_while_it_starts_cancels_the_start_and_terminates_it_with_its_services()
    {
        var agent = await _app.RegisterNodeAsync();
        var created = await _app.Client.PostAsJsonAsync("/api/app/v1/stack/", new
        {
            name = "shop",
            services = new object[] { new { name = "web", image_name = "functionscloud/busybox", target_num_containers = 1 } },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var stack = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
        var service = (string)(await _app.GetJsonAsync(stack))["services"]!.AsArray().Single()!;
        var start = ActionUri(await _app.Client.PostAsync($"{stack}start/", null));
        await Eventually.HoldsAsync(async () => (await _app.GetJsonAsync(service))["containers"]!.AsArray().Count == 1, Patience, "the stack's start placed web's container");
        var serviceStart = (string)(await _app.GetJsonAsync(service))["current_action"]!;
        await ExpectConflictNamingAsync(await _app.Client.PostAsync($"{stack}stop/", null), start);

        var delete = await _app.Client.DeleteAsync(stack);
        var again = await _app.Client.DeleteAsync(stack);

        await ExpectAsync(delete, HttpStatusCode.Accepted);
        await ExpectAsync(again, HttpStatusCode.Accepted);
        var terminate = ActionUri(delete);
        Assert.Equal(terminate, ActionUri(again));
        Assert.Equal("Terminating", (string?)(await _app.GetJsonAsync(stack))["state"]);
        Assert.False((bool)(await _app.GetJsonAsync(terminate))["can_be_canceled"]!);
        var done = await ReportNothingUntilEndedAsync(agent, terminate);
        Assert.Equal(("Success", "Stack Terminate", stack), ((string?)done["state"], (string?)done["action"], (string?)done["object"]));
        Assert.Contains($"{start} was in flight: it is canceled", await _app.ActionLogAsync(done));
        Assert.Equal("Canceled", (string?)(await _app.GetJsonAsync(start))["state"]);
        Assert.Equal("Canceled", (string?)(await _app.GetJsonAsync(serviceStart))["state"]);
        Assert.Equal(("Terminated", null), ((string?)(await _app.GetJsonAsync(stack))["state"], (string?)(await _app.GetJsonAsync(stack))["current_action"]));
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(service))["state"]);
    }

    [Fact]
    public async Task A_terminate_sent_again_is_answered_with_the_one_in_flight()
    {
        var (cluster, _) = await DeployingAsync("twice", 1);
        var first = await _app.Client.DeleteAsync(cluster);

        var again = await _app.Client.DeleteAsync(cluster);

        await ExpectAsync(again, HttpStatusCode.Accepted);
        Assert.Equal(ActionUri(first), ActionUri(again));
        Assert.Equal("Success", (string?)(await _app.WaitForActionAsync(ActionUri(first), Patience))["state"]);
    }

    [Fact]
    public async Task A_container_deleted_twice_is_one_terminate_that_lowers_the_target_once_and_another_container_waits_its_turn()
    {
        var (agent, service, start) = await StartingAsync("pair", containers: 2);
        var containers = (await _app.GetJsonAsync(service))["containers"]!.AsArray().Select(c => (string)c!).ToList();

        var first = await _app.Client.DeleteAsync(containers[0]);
        var again = await _app.Client.DeleteAsync(containers[0]);
        var other = await _app.Client.DeleteAsync(containers[1]);

        await ExpectAsync(first, HttpStatusCode.Accepted);
        await ExpectAsync(again, HttpStatusCode.Accepted);
        var terminate = ActionUri(first);
        Assert.Equal(terminate, ActionUri(again));
        await ExpectConflictNamingAsync(other, terminate);
        var action = await _app.GetJsonAsync(terminate);
        Assert.False((bool)action["can_be_canceled"]!);
        var done = await ReportNothingUntilEndedAsync(agent, terminate);
        Assert.Equal("Success", (string?)done["state"]);
        Assert.Equal("Canceled", (string?)(await _app.GetJsonAsync(start))["state"]);
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(containers[0]))["state"]);
        Assert.NotEqual("Terminated", (string?)(await _app.GetJsonAsync(containers[1]))["state"]);
        Assert.Equal(1, (int)(await _app.GetJsonAsync(service))["target_num_containers"]!);
    }

    [Fact]
    public async Task A_scale_posted_right_after_the_patch_that_scales_is_that_scale()
    {
        await _app.RegisterNodeAsync(); // its agent never reports: the scale stays in flight
        var arrangements = new ServiceArrangements(_app);
        var created = await arrangements.CreateAsync(new { name = "grow", image_name = ServiceArrangements.Image, target_num_containers = 1 });
        await arrangements.SetStateAsync(created, Domain.Services.ServiceState.Running);
        var service = ServiceArrangements.Uri(created);

        var patch = await _app.Client.PatchAsJsonAsync(service, new { target_num_containers = 2 });
        var scale = await _app.Client.PostAsync($"{service}scale/", null);
        var patchedAgain = await _app.Client.PatchAsJsonAsync(service, new { target_num_containers = 2 });

        await ExpectAsync(patch, HttpStatusCode.Accepted);
        await ExpectAsync(scale, HttpStatusCode.Accepted);
        Assert.Equal(ActionUri(patch), ActionUri(scale));
        await ExpectConflictNamingAsync(patchedAgain, ActionUri(patch));
        var actions = await _app.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(service)}");
        Assert.Equal(["Service Scale"], actions["objects"]!.AsArray().Select(a => (string)a!["action"]!));
    }

    /// <summary>A cluster whose deploy waits for its nodes' agents (which never call).</summary>
    private async Task<(string Cluster, string Deploy)> DeployingAsync(string name, int nodes)
    {
        var cluster = (string)(await _app.CreateClusterAsync(name, nodes))["resource_uri"]!;
        var deploy = ActionUri(await _app.Client.PostAsync($"{cluster}deploy/", null));
        await _app.WaitForLogAsync(deploy, log => log.Split("waiting for its agent").Length == nodes + 1, Patience);
        return (cluster, deploy);
    }

    /// <summary>A service starting its containers on a node whose agent never reports them.</summary>
    private async Task<(RegisteredAgent Agent, string Service, string Start)> StartingAsync(string name, int containers = 1)
    {
        var agent = await _app.RegisterNodeAsync();
        var created = await _app.Client.PostAsJsonAsync("/api/app/v1/service/", new { name, image_name = "functionscloud/busybox", target_num_containers = containers });
        await ExpectAsync(created, HttpStatusCode.Created);
        var service = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
        var start = ActionUri(await _app.Client.PostAsync($"{service}start/", null));
        await Eventually.HoldsAsync(async () => (await _app.GetJsonAsync(service))["containers"]!.AsArray().Count == containers, Patience, "the start placed its containers");
        return (agent, service, start);
    }

    /// <summary>Heartbeats of a node that runs nothing (its containers being removed are gone) until the action has ended.</summary>
    private async Task<JsonObject> ReportNothingUntilEndedAsync(RegisteredAgent agent, string action)
    {
        JsonObject? ended = null;
        await Eventually.HoldsAsync(async () =>
        {
            await AgentCalls.PostAsync(_app.Client, AgentRoutes.Heartbeat, agent.NodeSecret, JsonContent.Create(new HeartbeatRequest(SimulatedNodes.Inventory, null, [])));
            var current = await _app.GetJsonAsync(action);
            ended = (string?)current["state"] is "Success" or "Failed" ? current : null;
            return ended is not null;
        }, Patience, $"{action} ended");
        return ended!;
    }

    private static async Task ExpectConflictNamingAsync(HttpResponseMessage response, string action)
    {
        await ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(action, await response.Content.ReadAsStringAsync());
    }
}
