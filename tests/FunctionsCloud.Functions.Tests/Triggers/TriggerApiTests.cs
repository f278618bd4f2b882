using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Triggers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;
using static FunctionsCloud.Functions.Tests.Triggers.TriggerArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Triggers;

/// <summary>
/// Triggers on the real app: made under a service, called without credentials, acting through the service's own
/// operations (asserted on their actions, not on Docker).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TriggerApiTests : ServiceAppTests
{
    private TriggerArrangements Triggers => new(App);

    [Fact]
    public async Task The_url_and_its_secret_appear_once_in_the_create_answer_and_never_in_lists_or_reads()
    {
        var web = await Given.CreateAsync("web");
        var trigger = await Triggers.CreateAsync(web, "REDEPLOY");
        var secret = Url(trigger).Split('/')[^3];

        Assert.StartsWith(App.Host.BaseAddress!.ToString().TrimEnd('/') + "/api/app/v1/trigger/fctr_", Url(trigger));
        Assert.Equal(("hook", "REDEPLOY", Uri(web) + "trigger/" + Uuid(trigger) + "/"),
            ((string?)trigger["name"], (string?)trigger["operation"], (string?)trigger["resource_uri"]));
        var list = await App.Client.GetStringAsync(Uri(web) + "trigger/");
        var one = await App.Client.GetStringAsync(Uri(trigger));
        Assert.Equal(1, (int)JsonNode.Parse(list)!["meta"]!["total_count"]!);
        Assert.DoesNotContain(secret, list + one);
        Assert.Null(JsonNode.Parse(one)!["url"]);
    }

    [Fact]
    public async Task The_operation_defaults_to_redeploy()
    {
        var web = await Given.CreateAsync("web");

        var created = await App.Client.PostAsJsonAsync(Uri(web) + "trigger/", new { name = "hook" });

        await ExpectAsync(created, HttpStatusCode.Created);
        Assert.Equal("REDEPLOY", (string?)(await created.Content.ReadFromJsonAsync<JsonObject>())!["operation"]);
    }

    [Fact]
    public async Task A_terminated_service_gets_no_trigger()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Terminated);

        var refused = await App.Client.PostAsJsonAsync(Uri(web) + "trigger/", new { name = "hook", operation = "REDEPLOY" });

        await ExpectAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(0, (int)JsonNode.Parse(await App.Client.GetStringAsync(Uri(web) + "trigger/"))!["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_trigger_url_redeploys_as_a_service_redeploy_action_with_method_TRIGGER_and_its_body_reaches_the_containers()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var trigger = await Triggers.CreateAsync(web, "REDEPLOY");

        var response = await Triggers.CallAsync(trigger, body: "{\"tag\":\"v2\"}");

        await ExpectAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(Uri(web), Uri((await response.Content.ReadFromJsonAsync<JsonObject>())!));
        var action = await App.GetJsonAsync(ActionUri(response));
        Assert.Equal(("Service Redeploy", "TRIGGER", Uri(trigger) + "call/", AdminUser),
            ((string?)action["action"], (string?)action["method"], (string?)action["path"], (string?)action["user"]));
        var spec = await App.Services.GetRequiredService<ContainerSpecBuilder>().BuildAsync(await Given.StoredAsync(web), CancellationToken.None);
        Assert.Contains(new EnvironmentVariable(TriggerRules.BodyVariable, "{\"tag\":\"v2\"}", EnvironmentOrigin.Tutum), spec.Environment);
        Assert.Equal(("{\"tag\":\"v2\"}", "", false), ((string?)action["body"], (string?)action["location"], action.ContainsKey("logs")));
    }

    [Fact]
    public async Task Of_twenty_calls_at_once_the_accepted_one_brings_its_body_and_the_refused_ones_leave_nothing()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var trigger = await Triggers.CreateAsync(web, "REDEPLOY");

        var calls = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i => (Body: $"commit={i}", Response: await Triggers.CallAsync(trigger, body: $"commit={i}"))));

        var accepted = Assert.Single(calls, c => c.Response.StatusCode == HttpStatusCode.Accepted);
        Assert.All(calls.Where(c => c != accepted), c => Assert.Equal(HttpStatusCode.Conflict, c.Response.StatusCode));
        Assert.Equal(1, await ActionCountAsync());
        var spec = await App.Services.GetRequiredService<ContainerSpecBuilder>().BuildAsync(await Given.StoredAsync(web), CancellationToken.None);
        Assert.Equal(accepted.Body, Assert.Single(spec.Environment, v => v.Key == TriggerRules.BodyVariable).Value);
    }

    [Fact]
    public async Task Scaleup_with_a_step_of_three_raises_the_target_by_three()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var trigger = await Triggers.CreateAsync(web, "scaleup");

        var response = await Triggers.CallAsync(trigger, "3/");

        await ExpectAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(4, (await Given.StoredAsync(web)).TargetNumContainers);
        var action = await App.GetJsonAsync(ActionUri(response));
        Assert.Equal(("Service Scale", "TRIGGER"), ((string?)action["action"], (string?)action["method"]));
    }

    [Fact]
    public async Task A_deleted_trigger_answers_404_and_starts_nothing()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var trigger = await Triggers.CreateAsync(web, "REDEPLOY");

        await ExpectAsync(await App.Client.DeleteAsync(Uri(trigger)), HttpStatusCode.OK);

        await ExpectAsync(await Triggers.CallAsync(trigger), HttpStatusCode.NotFound);
        await ExpectAsync(await App.Client.GetAsync(Uri(trigger)), HttpStatusCode.NotFound);
        Assert.Equal(0, await ActionCountAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_and_starts_nothing()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var trigger = await Triggers.CreateAsync(web, "REDEPLOY");

        var response = await Triggers.CallAsync(trigger, body: new string('x', 8193));

        await ExpectAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal((ServiceState.Running, 0), ((await Given.StoredAsync(web)).State, await ActionCountAsync()));
        Assert.Null((await Given.StoredAsync(web)).TriggerBody);
    }

    [Theory]
    [InlineData("REDEPLOY", "2/")]
    [InlineData("SCALEUP", "0/")]
    [InlineData("SCALEUP", "abc/")]
    [InlineData("SCALEUP", "100/")]
    public async Task A_step_out_of_range_or_for_a_redeploy_is_a_400_and_changes_nothing(string operation, string suffix)
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var trigger = await Triggers.CreateAsync(web, operation);

        await ExpectAsync(await Triggers.CallAsync(trigger, suffix, "body"), HttpStatusCode.BadRequest);

        Assert.Equal((ServiceState.Running, 1, 0), ((await Given.StoredAsync(web)).State, (await Given.StoredAsync(web)).TargetNumContainers, await ActionCountAsync()));
        Assert.Null((await Given.StoredAsync(web)).TriggerBody);
    }

    [Fact]
    public async Task A_refused_operation_leaves_no_body_behind()
    {
        var web = await Given.CreateAsync("web");
        var trigger = await Triggers.CreateAsync(web, "REDEPLOY");

        await ExpectAsync(await Triggers.CallAsync(trigger, body: "late"), HttpStatusCode.Conflict); // Not running: nothing to redeploy

        Assert.Null((await Given.StoredAsync(web)).TriggerBody);
    }

    [Theory]
    [InlineData("fctr_short")]
    [InlineData("fctr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_secret_of_the_wrong_form_or_unknown_is_a_404(string secret)
    {
        var response = await Triggers.Anonymous.PostAsync($"/api/app/v1/trigger/{secret}/call/", null);

        await ExpectAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("SCALEUP", "hook", "EVERY_NODE", "operation")]
    [InlineData("RESTART", "hook", "EMPTIEST_NODE", "operation")]
    [InlineData("REDEPLOY", "-bad", "EMPTIEST_NODE", "name")]
    public async Task Bad_input_at_creation_is_a_400_naming_the_field_and_creates_nothing(string operation, string name, string strategy, string field)
    {
        var web = await Given.CreateAsync(new { image_name = Image, name = "web", deployment_strategy = strategy });

        var response = await App.Client.PostAsJsonAsync(Uri(web) + "trigger/", new { name, operation });

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (int)(await App.GetJsonAsync(Uri(web) + "trigger/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task Another_namespace_sees_no_trigger_and_cannot_make_one()
    {
        var web = await Given.CreateAsync("web");
        var trigger = await Triggers.CreateAsync(web, "REDEPLOY");
        var bob = await Given.OtherNamespaceClientAsync();

        await ExpectAsync(await bob.GetAsync(Uri(trigger)), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.GetAsync(Uri(web) + "trigger/"), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.DeleteAsync(Uri(trigger)), HttpStatusCode.NotFound);
        await ExpectAsync(await bob.PostAsJsonAsync(Uri(web) + "trigger/", new { name = "mine", operation = "REDEPLOY" }), HttpStatusCode.NotFound);
        await ExpectAsync(await App.Client.GetAsync(Uri(trigger)), HttpStatusCode.OK);
    }

    private async Task<int> ActionCountAsync() => (int)(await App.GetJsonAsync("/api/audit/v1/action/"))["meta"]!["total_count"]!;
}
