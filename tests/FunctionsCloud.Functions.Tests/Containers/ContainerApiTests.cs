using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Containers;

/// <summary>
/// The container API: containers as their agents reported them, lists and filters, and operations that run on the
/// container's service (202 with the action, 409 while the service is busy or the container's state forbids).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContainerApiTests : ServiceAppTests
{
    [Fact]
    public async Task A_container_shows_its_spec_its_placement_and_what_its_agent_reported()
    {
        var web = await Given.CreateAsync(new
        {
            image_name = Image, name = "web", run_command = "httpd -f -p 80", memory = 128, autorestart = "ALWAYS",
            container_ports = new object[] { new { inner_port = 80, published = true }, new { inner_port = 9000 } },
            container_envvars = new[] { new { key = "MODE", value = "prod" } },
        });
        var node = Guid.NewGuid();
        var container = await Given.AddContainerAsync(web, 1, ContainerState.Running, node, [new BoundPort("tcp", 80, 32768)]);

        var shown = await App.GetJsonAsync(Domain.Resources.ResourceUris.Container(container.Uuid));

        Assert.Equal((container.Uuid.ToString(), "web-1", $"/api/infra/v1/node/{node}/", Uri(web), "Running"),
            ((string?)shown["uuid"], (string?)shown["name"], (string?)shown["node"], (string?)shown["service"], (string?)shown["state"]));
        Assert.Equal((Image, "httpd -f -p 80", 128, "ALWAYS", "OFF"),
            ((string?)shown["image_name"], (string?)shown["run_command"], (int)shown["memory"]!, (string?)shown["autorestart"], (string?)shown["autodestroy"]));
        Assert.Equal("""[{"protocol":"tcp","inner_port":80,"outer_port":32768,"published":true},{"protocol":"tcp","inner_port":9000,"outer_port":null,"published":false}]""",
            shown["container_ports"]!.ToJsonString());
        Assert.Equal("""[{"key":"MODE","value":"prod","origin":"user"}]""", shown["container_envvars"]!.ToJsonString());
        Assert.Equal((container.PrivateIp, container.DockerId), ((string?)shown["private_ip"], (string?)shown["docker_id"]));
        Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$", (string)shown["started_datetime"]!);
        Assert.NotNull(shown["deployed_datetime"]);
        foreach (var unset in new[] { "exit_code", "exit_code_msg", "public_dns", "stopped_datetime", "destroyed_datetime" })
            Assert.True(shown.ContainsKey(unset) && shown[unset] is null, unset);
        var service = await App.GetJsonAsync(Uri(web));
        Assert.Equal([Uri(shown)], service["containers"]!.AsArray().Select(c => (string)c!).ToArray());
    }

    [Fact]
    public async Task Lists_filter_by_service_node_state_name_and_uuid_and_page()
    {
        var web = await Given.CreateAsync("web");
        var db = await Given.CreateAsync("db");
        var node = Guid.NewGuid();
        var first = await Given.AddContainerAsync(web, 1, ContainerState.Running, node);
        await Given.AddContainerAsync(web, 2, ContainerState.Stopped, node);
        await Given.AddContainerAsync(web, 3, ContainerState.Running);
        await Given.AddContainerAsync(db, 1, ContainerState.Running, node);

        async Task<int> CountAsync(string query) => (int)(await App.GetJsonAsync($"/api/app/v1/container/{query}"))["meta"]!["total_count"]!;
        Assert.Equal(4, await CountAsync(""));
        Assert.Equal(3, await CountAsync($"?service={Uri(web)}"));
        Assert.Equal(2, await CountAsync($"?service={web["uuid"]}&state=running"));
        Assert.Equal(3, await CountAsync($"?node={node}"));
        Assert.Equal(1, await CountAsync("?name=db-1"));
        Assert.Equal(3, await CountAsync("?name__startswith=web-"));
        Assert.Equal(1, await CountAsync($"?uuid__startswith={first.Uuid.ToString()[..8]}"));
        var page = await App.GetJsonAsync("/api/app/v1/container/?limit=3");
        Assert.Equal((3, "/api/app/v1/container/?limit=3&offset=3"), (page["objects"]!.AsArray().Count, (string?)page["meta"]!["next"]));
        await ExpectAsync(await App.Client.GetAsync("/api/app/v1/container/?colour=blue"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("start/", ContainerState.Stopped, "POST", "Container Start")]
    [InlineData("stop/", ContainerState.Running, "POST", "Container Stop")]
    [InlineData("redeploy/", ContainerState.Running, "POST", "Container Redeploy")]
    [InlineData("", ContainerState.Stopped, "DELETE", "Container Terminate")]
    public async Task An_operation_answers_202_with_the_container_and_an_action_on_it(string path, ContainerState state, string method, string actionName)
    {
        var web = await Given.CreateAsync(new { image_name = Image, name = "web", target_num_containers = 2 });
        await Given.SetStateAsync(web, ServiceState.PartlyRunning);
        var container = await Given.AddContainerAsync(web, 1, state);
        var uri = Domain.Resources.ResourceUris.Container(container.Uuid);

        var response = await App.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri + path));

        await ExpectAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(uri, Uri((await response.Content.ReadFromJsonAsync<JsonObject>())!));
        var action = await App.GetJsonAsync(ActionUri(response));
        Assert.Equal((actionName, uri, method), ((string?)action["action"], (string?)action["object"], (string?)action["method"]));
    }

    [Fact]
    public async Task Terminating_a_container_lowers_its_service_target_by_one()
    {
        var web = await Given.CreateAsync(new { image_name = Image, name = "web", target_num_containers = 2 });
        await Given.SetStateAsync(web, ServiceState.Running);
        var container = await Given.AddContainerAsync(web, 2, ContainerState.Running);

        var response = await App.Client.DeleteAsync(Domain.Resources.ResourceUris.Container(container.Uuid));

        await ExpectAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(1, (await Given.StoredAsync(web)).TargetNumContainers);
    }

    [Theory]
    [InlineData("start/", ContainerState.Running, "only a Stopped container")]
    [InlineData("stop/", ContainerState.Stopped, "only a Running or Starting container")]
    [InlineData("redeploy/", ContainerState.Terminated, "Terminated")]
    [InlineData("", ContainerState.Terminated, "gone already")]
    public async Task An_operation_the_container_state_does_not_allow_is_a_409_and_starts_nothing(string path, ContainerState state, string named)
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var container = await Given.AddContainerAsync(web, 1, state);
        var uri = Domain.Resources.ResourceUris.Container(container.Uuid);

        var response = await App.Client.SendAsync(new HttpRequestMessage(path == "" ? HttpMethod.Delete : HttpMethod.Post, uri + path));

        await ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
        Assert.Null((await Given.StoredAsync(web)).ActiveAction);
    }

    [Fact]
    public async Task A_container_operation_while_its_service_is_busy_is_a_409_naming_the_action()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var container = await Given.AddContainerAsync(web, 1, ContainerState.Running);
        var inFlight = Guid.NewGuid();
        await Given.HoldAsync(web, inFlight);

        var response = await App.Client.PostAsync($"{Domain.Resources.ResourceUris.Container(container.Uuid)}stop/", null);

        await ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains($"/api/audit/v1/action/{inFlight}/", await response.Content.ReadAsStringAsync());
        Assert.Equal((ServiceState.Running, 1), ((await Given.StoredAsync(web)).State, (await Given.StoredAsync(web)).TargetNumContainers));
    }

    [Fact]
    public async Task Another_namespace_cannot_see_or_touch_a_container()
    {
        var web = await Given.CreateAsync("web");
        var container = await Given.AddContainerAsync(web, 1, ContainerState.Running);
        var uri = Domain.Resources.ResourceUris.Container(container.Uuid);
        using var bob = await Given.OtherNamespaceClientAsync();

        await ExpectAsync(await bob.GetAsync(uri), HttpStatusCode.NotFound);
        foreach (var operation in new[] { "start/", "stop/", "redeploy/" })
            await ExpectAsync(await bob.PostAsync(uri + operation, null), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.DeleteAsync(uri), HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await bob.GetFromJsonAsync<JsonObject>("/api/app/v1/container/"))!["meta"]!["total_count"]!);
        Assert.Null((await Given.StoredAsync(web)).ActiveAction);
        await ExpectAsync(await App.Client.GetAsync($"/api/app/v1/container/{Guid.NewGuid()}/"), HttpStatusCode.NotFound);
        await ExpectAsync(await App.Client.GetAsync("/api/app/v1/container/web-1/"), HttpStatusCode.NotFound);
    }
}
