using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsCloud.Functions.Tests.ApiKeys;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Users.AccountArrangements;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Users;

/// <summary>Who a key stands for (me), a user's changes (PATCH) and an organization's removal (DELETE), over the real app.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UserChangeApiTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    private const string Me = "/api/account/v1/me/";
    private readonly FunctionsCloudTestHost _app = fixture.App;

    [Fact]
    public async Task Me_names_the_user_namespace_and_the_role_the_key_acts_with()
    {
        var owner = await _app.CreateUserAsync("me-owner");
        var member = await _app.CreateUserAsync("me-member");
        var org = await _app.CreateOrganizationAsync("me-org", owner.Name);
        await owner.Client.CreateTeamAsync(org, "ops", "operator", member.Name);
        using var asMember = await _app.KeyInAsync(member, org);
        var readOnly = await CreatedAsync(member.Client, ApiKeyCollection, new { label = "reader", role = "read-only" });
        using var asReader = _app.NewClient(member.Name, (string)readOnly["key"]!);

        var admin = (await _app.Client.GetFromJsonAsync<JsonObject>(Me))!;
        var own = (await member.Client.GetFromJsonAsync<JsonObject>(Me))!;
        var inOrg = (await asMember.GetFromJsonAsync<JsonObject>(Me))!;
        var reader = (await asReader.GetFromJsonAsync<JsonObject>(Me))!;

        Assert.Equal((AdminUser, AdminNamespace, "admin", true), ((string?)admin["username"], (string?)admin["namespace"], (string?)admin["role"], (bool?)admin["is_admin"]));
        Assert.Equal((member.Name, member.Name, "admin", false, "first"),
            ((string?)own["username"], (string?)own["namespace"], (string?)own["role"], (bool?)own["is_admin"], (string?)own["api_key_label"]));
        Assert.Equal(((string?)org["name"], "operator"), ((string?)inOrg["namespace"], (string?)inOrg["role"]));
        Assert.Equal(("read-only", "reader"), ((string?)reader["role"], (string?)reader["api_key_label"]));
        Assert.Equal(Me, (string?)reader["resource_uri"]);
        await ExpectAsync(await _app.NewClient(member.Name, "not-a-key").GetAsync(Me), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_changes_their_own_email_and_full_name_but_not_whether_they_are_admin_or_active()
    {
        var user = await _app.CreateUserAsync("patcher");
        var other = await _app.CreateUserAsync("patch-other");
        var uri = UserCollection + user.Name + "/";

        var changed = await user.Client.PatchAsJsonAsync(uri, new { email = "p@example.com", full_name = "Pat Cher" });
        await ExpectAsync(changed, HttpStatusCode.OK);
        await ExpectAsync(await user.Client.PatchAsJsonAsync(uri, new { is_admin = true }), HttpStatusCode.Forbidden);
        await ExpectAsync(await user.Client.PatchAsJsonAsync(uri, new { is_active = false }), HttpStatusCode.Forbidden);
        await ExpectAsync(await user.Client.PatchAsJsonAsync(UserCollection + other.Name + "/", new { email = "x@example.com" }), HttpStatusCode.NotFound);
        var readOnly = await CreatedAsync(user.Client, ApiKeyCollection, new { label = "reader", role = "read-only" });
        var refused = await _app.NewClient(user.Name, (string)readOnly["key"]!).PatchAsJsonAsync(uri, new { email = "r@example.com" });
        await ExpectAsync(refused, HttpStatusCode.Forbidden);

        var stored = (await user.Client.GetFromJsonAsync<JsonObject>(uri))!;
        Assert.Equal(("p@example.com", "Pat Cher", false, true),
            ((string?)stored["email"], (string?)stored["full_name"], (bool?)stored["is_admin"], (bool?)stored["is_active"]));
        Assert.Null((await _app.Client.GetFromJsonAsync<JsonObject>(UserCollection + other.Name + "/"))!["email"]);
        // An empty text clears the field.
        await ExpectAsync(await user.Client.PatchAsJsonAsync(uri, new { full_name = "" }), HttpStatusCode.OK);
        Assert.Null((await user.Client.GetFromJsonAsync<JsonObject>(uri))!["full_name"]);
    }

    [Fact]
    public async Task A_suspended_user_is_refused_until_active_again_and_an_administrator_made_so_can_make_users()
    {
        var user = await _app.CreateUserAsync("suspended");
        var uri = UserCollection + user.Name + "/";

        await ExpectAsync(await _app.Client.PatchAsJsonAsync(uri, new { is_active = false }), HttpStatusCode.OK);
        await ExpectAsync(await user.Client.GetAsync(Me), HttpStatusCode.Unauthorized);
        Assert.False((bool?)(await _app.Client.GetFromJsonAsync<JsonObject>(uri))!["is_active"]);

        await ExpectAsync(await _app.Client.PatchAsJsonAsync(uri, new { is_active = true, is_admin = true }), HttpStatusCode.OK);
        Assert.True((bool?)(await user.Client.GetFromJsonAsync<JsonObject>(Me))!["is_admin"]);
        await CreatedAsync(user.Client, UserCollection, new { username = Unique("made-by-promoted") });

        await ExpectAsync(await _app.Client.PatchAsJsonAsync(uri, new { is_admin = false }), HttpStatusCode.OK);
        await ExpectAsync(await user.Client.PostAsJsonAsync(UserCollection, new { username = Unique("refused") }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_last_active_admin_of_an_organization_cannot_be_suspended()
    {
        var owner = await _app.CreateUserAsync("only-owner");
        var second = await _app.CreateUserAsync("second-owner");
        var org = await _app.CreateOrganizationAsync("kept-admin", owner.Name);
        await owner.Client.CreateTeamAsync(org, "more-admins", "admin", second.Name);

        await ExpectAsync(await _app.Client.PatchAsJsonAsync(UserCollection + second.Name + "/", new { is_active = false }), HttpStatusCode.OK);
        var refused = await _app.Client.PatchAsJsonAsync(UserCollection + owner.Name + "/", new { is_active = false });

        await ExpectAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains((string)org["name"]!, await refused.Content.ReadAsStringAsync());
        Assert.True((bool?)(await _app.Client.GetFromJsonAsync<JsonObject>(UserCollection + owner.Name + "/"))!["is_active"]);
        await ExpectAsync(await owner.Client.GetAsync(Me), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("{\"email\": \"not-an-address\"}", "email")]
    [InlineData("{\"username\": \"someone-else\"}", "username")]
    [InlineData("{\"is_active\": \"no\"}", "is_active")]
    [InlineData("{\"full_name\": \"tab\\there\"}", "full_name")]
    public async Task Bad_user_changes_are_400s_naming_the_field_and_change_nothing(string body, string field)
    {
        var user = await _app.CreateUserAsync("bad-patch");
        var uri = UserCollection + user.Name + "/";
        var before = (await _app.Client.GetFromJsonAsync<JsonObject>(uri))!.ToJsonString();

        var response = await _app.Client.PatchAsync(uri, new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectProblemAsync(response, field);
        Assert.Equal(before, (await _app.Client.GetFromJsonAsync<JsonObject>(uri))!.ToJsonString());
    }

    [Fact]
    public async Task A_removed_organization_refuses_its_keys_is_not_found_and_keeps_its_name()
    {
        var owner = await _app.CreateUserAsync("org-owner");
        var org = await _app.CreateOrganizationAsync("removed-org", owner.Name);
        var uri = (string)org["resource_uri"]!;
        using var asOwner = await _app.KeyInAsync(owner, org);

        await ExpectAsync(await owner.Client.DeleteAsync(uri), HttpStatusCode.Forbidden);
        await ExpectAsync(await asOwner.GetAsync(Me), HttpStatusCode.OK);
        await ExpectAsync(await _app.Client.DeleteAsync(uri), HttpStatusCode.OK);

        await ExpectAsync(await asOwner.GetAsync(Me), HttpStatusCode.Unauthorized);
        Assert.DoesNotContain((string)org["name"]!, (await owner.Client.ObjectsAsync(ApiKeyCollection)).Select(k => (string?)k!["namespace"]));
        await ExpectAsync(await _app.Client.GetAsync(uri), HttpStatusCode.NotFound);
        await ExpectAsync(await _app.Client.DeleteAsync(uri), HttpStatusCode.NotFound);
        Assert.DoesNotContain((string)org["name"]!, (await _app.Client.ObjectsAsync(OrganizationCollection + "?limit=1000")).Select(o => (string?)o!["name"]));
        await ExpectAsync(await _app.Client.PostAsJsonAsync(OrganizationCollection, new { name = (string)org["name"]!, owners = new[] { owner.Name } }), HttpStatusCode.Conflict);
        await ExpectProblemAsync(await owner.Client.PostAsJsonAsync(ApiKeyCollection, new { label = "back-in", @namespace = (string)org["name"]! }), "namespace");
        await ExpectAsync(await owner.Client.GetAsync(Me), HttpStatusCode.OK);
    }
}
