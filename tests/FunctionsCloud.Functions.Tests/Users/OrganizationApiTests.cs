using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.ApiKeys;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Users.AccountArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Users;

/// <summary>Users, organizations and teams through the API: who may do what in whose namespace.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrganizationApiTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    private readonly FunctionsCloudTestHost _app = fixture.App;

    [Fact]
    public async Task Each_member_of_two_teams_does_exactly_what_their_teams_role_allows()
    {
        var owner = await _app.CreateUserAsync("owner");
        var deployer = await _app.CreateUserAsync("deployer");
        var reader = await _app.CreateUserAsync("reader");
        var acme = await _app.CreateOrganizationAsync("acme", owner.Name);
        await owner.Client.CreateTeamAsync(acme, "deployers", "operator", deployer.Name);
        await owner.Client.CreateTeamAsync(acme, "readers", "read-only", reader.Name);

        using var asDeployer = await _app.KeyInAsync(deployer, acme);
        using var asReader = await _app.KeyInAsync(reader, acme);
        var cluster = await _app.CreateClusterAsync("shared", 1, asDeployer);

        // The operator runs operations in the organization's namespace, but changes no teams and gets no wider key.
        await ExpectAsync(await asDeployer.PatchAsJsonAsync((string)cluster["resource_uri"]!, new { nickname = "ours" }), HttpStatusCode.OK);
        await ExpectAsync(await asDeployer.PostAsJsonAsync((string)acme["resource_uri"]! + "team/", new { name = "mine", role = "admin" }), HttpStatusCode.Forbidden);
        await ExpectAsync(await deployer.Client.PostAsJsonAsync(ApiKeyCollection, new { label = "wider", @namespace = (string)acme["name"]!, role = "admin" }), HttpStatusCode.Forbidden);
        // The reader sees the same objects and changes none of them.
        Assert.Equal([(string?)cluster["uuid"]], (await asReader.ObjectsAsync("/api/infra/v1/nodecluster/")).Select(c => (string?)c!["uuid"]));
        await ExpectAsync(await asReader.PatchAsJsonAsync((string)cluster["resource_uri"]!, new { nickname = "mine" }), HttpStatusCode.Forbidden);
        await ExpectAsync(await asReader.PostAsJsonAsync("/api/infra/v1/nodecluster/", new { name = "x" }), HttpStatusCode.Forbidden);
        await ExpectAsync(await reader.Client.PostAsJsonAsync(ApiKeyCollection, new { label = "op", @namespace = (string)acme["name"]!, role = "operator" }), HttpStatusCode.Forbidden);
        // Their own namespaces hold none of the organization's objects: there it is another namespace's (404).
        await ExpectAsync(await reader.Client.GetAsync((string)cluster["resource_uri"]!), HttpStatusCode.NotFound);
        Assert.Equal("ours", (string?)(await asReader.GetFromJsonAsync<JsonObject>((string)cluster["resource_uri"]!))!["nickname"]);
    }

    [Fact]
    public async Task A_change_of_team_or_role_takes_effect_on_keys_already_made()
    {
        var owner = await _app.CreateUserAsync("owner");
        var member = await _app.CreateUserAsync("member");
        var org = await _app.CreateOrganizationAsync("team-change", owner.Name);
        var team = await owner.Client.CreateTeamAsync(org, "ops", "operator", member.Name);
        using var asMember = await _app.KeyInAsync(member, org);
        await _app.CreateClusterAsync("before", 1, asMember);

        await ExpectAsync(await owner.Client.PatchAsJsonAsync((string)team["resource_uri"]!, new { role = "read-only" }), HttpStatusCode.OK);
        await ExpectAsync(await asMember.PostAsJsonAsync("/api/infra/v1/nodecluster/", new { name = "after" }), HttpStatusCode.Forbidden);

        await ExpectAsync(await owner.Client.PatchAsJsonAsync((string)team["resource_uri"]!, new { members = Array.Empty<string>() }), HttpStatusCode.OK);
        await ExpectAsync(await asMember.GetAsync("/api/infra/v1/nodecluster/"), HttpStatusCode.Unauthorized);
        await ExpectAsync(await member.Client.GetAsync((string)org["resource_uri"]!), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_admin_of_an_organization_cannot_be_removed_or_demoted()
    {
        var owner = await _app.CreateUserAsync("sole-owner");
        var org = await _app.CreateOrganizationAsync("lonely", owner.Name);
        var owners = (string)org["resource_uri"]! + "team/owners/";

        await ExpectAsync(await _app.Client.DeleteAsync(UserCollection + owner.Name + "/"), HttpStatusCode.Conflict);
        await ExpectAsync(await owner.Client.PatchAsJsonAsync(owners, new { members = Array.Empty<string>() }), HttpStatusCode.Conflict);
        await ExpectAsync(await owner.Client.PatchAsJsonAsync(owners, new { role = "operator" }), HttpStatusCode.Conflict);
        await ExpectAsync(await owner.Client.DeleteAsync(owners), HttpStatusCode.Conflict);

        var team = (await owner.Client.GetFromJsonAsync<JsonObject>(owners))!;
        Assert.Equal(("admin", owner.Name), ((string?)team["role"], (string?)Assert.Single(team["members"]!.AsArray())));
        await ExpectAsync(await owner.Client.GetAsync(UserCollection + owner.Name + "/"), HttpStatusCode.OK);

        // With a second admin, the first may go: their memberships end with them.
        var successor = await _app.CreateUserAsync("successor");
        await ExpectAsync(await owner.Client.PatchAsJsonAsync(owners, new { members = new[] { owner.Name, successor.Name } }), HttpStatusCode.OK);
        await ExpectAsync(await _app.Client.DeleteAsync(UserCollection + owner.Name + "/"), HttpStatusCode.OK);
        var after = (await successor.Client.GetFromJsonAsync<JsonObject>(owners))!;
        Assert.Equal([successor.Name], after["members"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public async Task Twenty_suspensions_removals_and_demotions_of_an_organizations_last_two_admins_at_once_leave_exactly_one()
    {
        var (first, second) = (await _app.CreateUserAsync("race-owner"), await _app.CreateUserAsync("race-owner"));
        var org = await _app.CreateOrganizationAsync("race", first.Name, second.Name);
        var owners = (string)org["resource_uri"]! + "team/owners/";
        var pairs = new[] { (Target: first.Name, Other: second.Name), (Target: second.Name, Other: first.Name) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var (target, other) = pairs[i % 2];
            using var response = (i / 2 % 3) switch
            {
                0 => await _app.Client.PatchAsJsonAsync(UserCollection + target + "/", new { is_active = false }),
                1 => await _app.Client.DeleteAsync(UserCollection + target + "/"),
                _ => await _app.Client.PatchAsJsonAsync(owners, new { members = new[] { other } }),
            };
            return response.StatusCode;
        }));

        // 404: the user was removed meanwhile; 400: the team would hold a user removed meanwhile.
        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.BadRequest }));
        Assert.Contains(HttpStatusCode.Conflict, answers);
        var admins = (await _app.Client.GetFromJsonAsync<JsonObject>(owners))!["members"]!.AsArray().Select(m => (string)m!).ToList();
        var acting = new List<string>();
        foreach (var admin in admins)
        {
            using var user = await _app.Client.GetAsync(UserCollection + admin + "/");
            if (user.IsSuccessStatusCode && (bool?)(await user.Content.ReadFromJsonAsync<JsonObject>())!["is_active"] == true)
                acting.Add(admin);
        }

        Assert.Single(acting);
    }

    [Fact]
    public async Task A_removed_user_is_refused_and_their_name_is_never_given_again()
    {
        var leaver = await _app.CreateUserAsync("leaver");
        var second = await AccountArrangements.CreatedAsync(leaver.Client, ApiKeyCollection, new { label = "second" });
        using var secondKey = _app.NewClient(leaver.Name, (string)second["key"]!);

        await ExpectAsync(await _app.Client.DeleteAsync(UserCollection + leaver.Name + "/"), HttpStatusCode.OK);

        await ExpectAsync(await leaver.Client.GetAsync(ApiKeyCollection), HttpStatusCode.Unauthorized);
        await ExpectAsync(await secondKey.GetAsync(ApiKeyCollection), HttpStatusCode.Unauthorized);
        await ExpectAsync(await _app.Client.GetAsync(UserCollection + leaver.Name + "/"), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.PostAsJsonAsync(UserCollection, new { username = leaver.Name }), HttpStatusCode.Conflict);
        await ExpectAsync(await _app.Client.PostAsJsonAsync(OrganizationCollection, new { name = leaver.Name.ToUpperInvariant(), owners = new[] { "admin" } }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_administrators_of_the_installation_make_users_and_others_see_only_themselves()
    {
        var plain = await _app.CreateUserAsync("plain");
        var other = await _app.CreateUserAsync("other");

        await ExpectAsync(await plain.Client.PostAsJsonAsync(UserCollection, new { username = Unique("made") }), HttpStatusCode.Forbidden);
        await ExpectAsync(await plain.Client.PostAsJsonAsync(OrganizationCollection, new { name = Unique("made"), owners = new[] { plain.Name } }), HttpStatusCode.Forbidden);
        await ExpectAsync(await plain.Client.DeleteAsync(UserCollection + other.Name + "/"), HttpStatusCode.Forbidden);
        await ExpectAsync(await plain.Client.GetAsync(UserCollection + other.Name + "/"), HttpStatusCode.NotFound);
        Assert.Equal([plain.Name], (await plain.Client.ObjectsAsync(UserCollection)).Select(u => (string?)u!["username"]));
        Assert.Contains(other.Name, (await _app.Client.ObjectsAsync(UserCollection + "?limit=1000")).Select(u => (string?)u!["username"]));

        // An administrator the bootstrap admin made makes users in turn.
        var admin = await _app.CreateUserAsync("second-admin", isInstallationAdmin: true);
        var made = await AccountArrangements.CreatedAsync(admin.Client, UserCollection, new { username = Unique("made") });
        Assert.Equal(((string?)made["username"], "admin"), ((string?)made["api_key"]!["namespace"], (string?)made["api_key"]!["role"]));
    }

    [Theory]
    [InlineData(UserCollection, "{\"username\": \"no spaces\"}", "username")]
    [InlineData(UserCollection, "{}", "username")]
    [InlineData(UserCollection, "{\"username\": \"ok-name\", \"email\": \"not-an-address\"}", "email")]
    [InlineData(UserCollection, "{\"username\": \"ok-name\", \"is_admin\": \"yes\"}", "is_admin")]
    [InlineData(OrganizationCollection, "{\"name\": \"-bad\", \"owners\": [\"admin\"]}", "name")]
    [InlineData(OrganizationCollection, "{\"name\": \"good-org\", \"owners\": [\"nobody-of-that-name\"]}", "owners")]
    [InlineData(OrganizationCollection, "{\"name\": \"good-org\", \"owners\": []}", "owners")]
    [InlineData(OrganizationCollection, "{\"name\": \"good-org\", \"owners\": [\"bad name\"]}", "owners")]
    public async Task Bad_users_and_organizations_are_400s_naming_the_field_and_make_nothing(string path, string body, string field)
    {
        var before = await _app.Client.ObjectsAsync(path + "?limit=1000");

        var response = await _app.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectProblemAsync(response, field);
        Assert.Equal(before.Count, (await _app.Client.ObjectsAsync(path + "?limit=1000")).Count);
    }

    [Theory]
    [InlineData("{\"name\": \"t\", \"role\": \"root\"}", "role")]
    [InlineData("{\"name\": \"t\"}", "role")]
    [InlineData("{\"name\": \"no spaces\", \"role\": \"operator\"}", "name")]
    [InlineData("{\"name\": \"t\", \"role\": \"operator\", \"members\": [\"nobody-of-that-name\"]}", "members")]
    [InlineData("{\"name\": \"t\", \"role\": \"operator\", \"members\": \"admin\"}", "members")]
    public async Task Bad_teams_are_400s_naming_the_field_and_change_nothing(string body, string field)
    {
        var owner = await _app.CreateUserAsync("owner");
        var org = await _app.CreateOrganizationAsync("teams", owner.Name);

        var response = await owner.Client.PostAsync((string)org["resource_uri"]! + "team/", new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectProblemAsync(response, field);
        Assert.Equal(["owners"], (await owner.Client.ObjectsAsync((string)org["resource_uri"]! + "team/")).Select(t => (string?)t!["name"]));
    }

    [Fact]
    public async Task Another_organization_is_not_found_to_outsiders()
    {
        var owner = await _app.CreateUserAsync("owner");
        var outsider = await _app.CreateUserAsync("outsider");
        var org = await _app.CreateOrganizationAsync("private", owner.Name);

        await ExpectAsync(await outsider.Client.GetAsync((string)org["resource_uri"]!), HttpStatusCode.NotFound);
        await ExpectAsync(await outsider.Client.GetAsync((string)org["resource_uri"]! + "team/owners/"), HttpStatusCode.NotFound);
        await ExpectAsync(await outsider.Client.PostAsJsonAsync((string)org["resource_uri"]! + "team/", new { name = "in", role = "admin", members = new[] { outsider.Name } }), HttpStatusCode.NotFound);
        Assert.Empty(await outsider.Client.ObjectsAsync(OrganizationCollection));
        var refused = await outsider.Client.PostAsJsonAsync(ApiKeyCollection, new { label = "sneak", @namespace = (string)org["name"]! });
        await ExpectProblemAsync(refused, "namespace");
        Assert.Equal([(string?)org["name"]], (await owner.Client.ObjectsAsync(OrganizationCollection)).Select(o => (string?)o!["name"]));
    }
}
