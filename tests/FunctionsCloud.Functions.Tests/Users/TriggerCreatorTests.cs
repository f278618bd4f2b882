using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.ApiKeys;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Functions.Tests.Users.AccountArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Users;

/// <summary>
/// A trigger acts as its creator: once they could no longer run its operation (removed, out of the team, every key
/// revoked), a call answers 404 and runs nothing. SCALEUP on a Not running service raises its stored target and
/// nothing else, so what a call did is read from the store.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TriggerCreatorTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    private readonly FunctionsCloudTestHost _app = fixture.App;

    [Fact]
    public async Task A_trigger_whose_creator_was_removed_answers_404_and_runs_nothing()
    {
        var creator = await _app.CreateUserAsync("creator");
        var (service, url) = await ServiceWithTriggerAsync(creator.Client);
        await ExpectAsync(await CallAsync(url), HttpStatusCode.OK);

        await ExpectAsync(await _app.Client.DeleteAsync(UserCollection + creator.Name + "/"), HttpStatusCode.OK);

        await ExpectAsync(await CallAsync(url), HttpStatusCode.NotFound);
        Assert.Equal(2, await TargetAsync(creator.Name, service));
    }

    [Fact]
    public async Task A_trigger_whose_creator_revoked_every_key_answers_404_until_they_make_one()
    {
        var creator = await _app.CreateUserAsync("keyless");
        var (service, url) = await ServiceWithTriggerAsync(creator.Client);
        var spare = await CreatedAsync(creator.Client, ApiKeyCollection, new { label = "spare" });
        using var withSpare = _app.NewClient(creator.Name, (string)spare["key"]!);
        var first = (await creator.Client.ObjectsAsync(ApiKeyCollection + "?label=first")).Single()!;
        await ExpectAsync(await withSpare.DeleteAsync((string)first["resource_uri"]!), HttpStatusCode.OK);
        await ExpectAsync(await CallAsync(url), HttpStatusCode.OK);

        await ExpectAsync(await withSpare.DeleteAsync((string)spare["resource_uri"]!), HttpStatusCode.OK);

        await ExpectAsync(await CallAsync(url), HttpStatusCode.NotFound);
        Assert.Equal(2, await TargetAsync(creator.Name, service));
    }

    [Fact]
    public async Task A_trigger_made_in_an_organization_stops_when_its_creator_leaves_the_team()
    {
        var owner = await _app.CreateUserAsync("owner");
        var creator = await _app.CreateUserAsync("org-creator");
        var org = await _app.CreateOrganizationAsync("hooks", owner.Name);
        var team = await owner.Client.CreateTeamAsync(org, "admins", "admin", creator.Name);
        using var inOrg = await _app.KeyInAsync(creator, org);
        var (service, url) = await ServiceWithTriggerAsync(inOrg);
        await ExpectAsync(await CallAsync(url), HttpStatusCode.OK);

        await ExpectAsync(await owner.Client.PatchAsJsonAsync((string)team["resource_uri"]!, new { members = Array.Empty<string>() }), HttpStatusCode.OK);

        await ExpectAsync(await CallAsync(url), HttpStatusCode.NotFound);
        Assert.Equal(2, await TargetAsync((string)org["name"]!, service));
    }

    private static async Task<(JsonObject Service, string Url)> ServiceWithTriggerAsync(HttpClient client)
    {
        var service = await CreatedAsync(client, "/api/app/v1/service/", new { name = "web", image_name = "functionscloud/busybox" });
        var trigger = await CreatedAsync(client, (string)service["resource_uri"]! + "trigger/", new { name = "hook", operation = "SCALEUP" });
        return (service, (string)trigger["url"]!);
    }

    private async Task<HttpResponseMessage> CallAsync(string url)
    {
        using var anonymous = _app.NewClient();
        return await anonymous.PostAsync(url, new StringContent(""));
    }

    private async Task<int> TargetAsync(string @namespace, JsonObject service) =>
        (await _app.Services.GetRequiredService<IServiceStore>().GetAsync(@namespace, Guid.Parse((string)service["uuid"]!)))!.TargetNumContainers;
}
