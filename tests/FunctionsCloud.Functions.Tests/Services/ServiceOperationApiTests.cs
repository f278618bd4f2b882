using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Services;

/// <summary>
/// Starting operations on services: 202 with the service and the action, 409 from a state that does not allow the
/// operation or while another is in flight, 404 from another namespace. What the operations then do is the
/// orchestration's business, tested with it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceOperationApiTests : ServiceAppTests
{
    public static TheoryData<string, ServiceState, string, string, string> Operations => new()
    {
        { "start/", ServiceState.NotRunning, "POST", "Service Start", "Starting" },
        { "start/", ServiceState.Stopped, "POST", "Service Start", "Starting" },
        { "stop/", ServiceState.Running, "POST", "Service Stop", "Stopping" },
        { "redeploy/", ServiceState.PartlyRunning, "POST", "Service Redeploy", "Redeploying" },
        { "scale/", ServiceState.Running, "POST", "Service Scale", "Scaling" },
        { "", ServiceState.Running, "DELETE", "Service Terminate", "Terminating" },
        { "", ServiceState.NotRunning, "DELETE", "Service Terminate", "Terminating" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_operation_answers_202_with_the_service_in_its_busy_state_and_the_action(
        string path, ServiceState from, string method, string actionName, string busyState)
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, from);

        var response = await App.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Uri(web) + path));

        await ExpectAsync(response, HttpStatusCode.Accepted);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var actionUri = ActionUri(response);
        Assert.Equal((Uri(web), busyState, actionUri), (Uri(body), (string?)body["state"], (string?)body["current_action"]));
        var action = await App.GetJsonAsync(actionUri);
        Assert.Equal((actionName, Uri(web), method, Uri(web) + path), ((string?)action["action"], (string?)action["object"], (string?)action["method"], (string?)action["path"]));
    }

    [Fact]
    public async Task Patching_the_target_of_a_started_service_scales_it_as_an_operation()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);

        var response = await App.Client.PatchAsJsonAsync(Uri(web), new { target_num_containers = 3, nickname = "three" });

        await ExpectAsync(response, HttpStatusCode.Accepted);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((3, "three", "Scaling"), ((int)body["target_num_containers"]!, (string?)body["nickname"], (string?)body["state"]));
        Assert.Equal("Service Scale", (string?)(await App.GetJsonAsync(ActionUri(response)))["action"]);
    }

    [Theory]
    [InlineData("stop/", ServiceState.NotRunning, "Running")]
    [InlineData("stop/", ServiceState.Stopped, "Stopped")]
    [InlineData("redeploy/", ServiceState.NotRunning, "Not running")]
    [InlineData("scale/", ServiceState.NotRunning, "Not running")]
    [InlineData("start/", ServiceState.Terminated, "Terminated")]
    public async Task An_operation_the_state_does_not_allow_is_a_409_that_says_why_and_changes_nothing(string path, ServiceState from, string named)
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, from);
        var before = await App.GetJsonAsync(Uri(web));

        var response = await App.Client.PostAsync(Uri(web) + path, null);

        await ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
        Assert.Equal(before.ToJsonString(), (await App.GetJsonAsync(Uri(web))).ToJsonString());
        Assert.Equal(0, (int)(await App.GetJsonAsync("/api/audit/v1/action/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Deleting_a_terminated_service_is_a_409()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Terminated);

        await ExpectAsync(await App.Client.DeleteAsync(Uri(web)), HttpStatusCode.Conflict);
        await ExpectAsync(await App.Client.PatchAsJsonAsync(Uri(web), new { nickname = "zombie" }), HttpStatusCode.Conflict);
        Assert.Equal("web", (string?)(await App.GetJsonAsync(Uri(web)))["nickname"]);
    }

    [Fact]
    public async Task Every_operation_while_one_is_in_flight_is_a_409_naming_the_action()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var inFlight = Guid.NewGuid();
        await Given.HoldAsync(web, inFlight);

        foreach (var attempt in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => App.Client.PostAsync($"{Uri(web)}start/", null),
                     () => App.Client.PostAsync($"{Uri(web)}stop/", null),
                     () => App.Client.PostAsync($"{Uri(web)}redeploy/", null),
                     () => App.Client.PostAsync($"{Uri(web)}scale/", null),
                     () => App.Client.PatchAsJsonAsync(Uri(web), new { target_num_containers = 4 }),
                     () => App.Client.PatchAsJsonAsync(Uri(web), new { target_num_containers = 1 }),
                     () => App.Client.PatchAsJsonAsync(Uri(web), new { nickname = "renamed", working_dir = "/srv" }),
                     () => App.Client.DeleteAsync(Uri(web)),
                 })
        {
            var response = await attempt();
            await ExpectAsync(response, HttpStatusCode.Conflict);
            Assert.Contains($"/api/audit/v1/action/{inFlight}/", await response.Content.ReadAsStringAsync());
        }

        var after = await App.GetJsonAsync(Uri(web));
        Assert.Equal(("Running", 1, "web", null), ((string?)after["state"], (int)after["target_num_containers"]!, (string?)after["nickname"], (string?)after["working_dir"]));
        Assert.Equal(0, (int)(await App.GetJsonAsync("/api/audit/v1/action/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Another_namespace_cannot_see_or_touch_a_service()
    {
        var web = await Given.CreateAsync("private");
        using var bob = await Given.OtherNamespaceClientAsync();

        await ExpectAsync(await bob.GetAsync(Uri(web)), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.PatchAsJsonAsync(Uri(web), new { nickname = "mine" }), HttpStatusCode.NotFound);
        foreach (var operation in new[] { "start/", "stop/", "redeploy/", "scale/" })
            await ExpectAsync(await bob.PostAsync(Uri(web) + operation, null), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.DeleteAsync(Uri(web)), HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await bob.GetFromJsonAsync<JsonObject>("/api/app/v1/service/"))!["meta"]!["total_count"]!);
        var mine = await App.GetJsonAsync(Uri(web));
        Assert.Equal(("Not running", "private", null), ((string?)mine["state"], (string?)mine["nickname"], (string?)mine["current_action"]));
    }
}
