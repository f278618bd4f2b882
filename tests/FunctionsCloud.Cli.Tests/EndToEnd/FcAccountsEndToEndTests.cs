using System.Text.Json.Nodes;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Cli.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Cli.Tests.EndToEnd;

/// <summary>
/// fc's API keys, users and organizations against the real app, each step checked through the API: a key printed once
/// works and is gone once revoked; a user made by fc logs in with the key it printed; a team gives its role.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FcAccountsEndToEndTests(LoggedInFcFixture fixture) : IClassFixture<LoggedInFcFixture>
{
    private readonly FcSession session = fixture.Session;

    [Fact]
    public async Task A_key_made_by_fc_is_printed_once_listed_without_it_and_revoked_by_label()
    {
        var created = await session.RunAsync("apikey", "create", "fc-made", "--role", "read-only", "--expires-in", "3600");
        var key = created.Succeeded().Trim();
        Assert.Equal(64, key.Length);
        using (var withKey = session.App.NewClient(FunctionsCloudTestHost.AdminUser, key))
            Assert.True((await withKey.GetAsync("/api/infra/v1/nodecluster/")).IsSuccessStatusCode);

        var listed = await session.RunAsync("-o", "json", "apikey", "ls");
        listed.Succeeded();
        var made = Assert.Single(JsonNode.Parse(listed.Out)!.AsArray(), k => (string?)k!["label"] == "fc-made")!;
        Assert.Equal(("read-only", null), ((string?)made["role"], (string?)made["key"]));
        Assert.DoesNotContain(key, listed.Out);

        (await session.RunAsync("apikey", "rm", "fc-made")).Succeeded();

        using var revoked = session.App.NewClient(FunctionsCloudTestHost.AdminUser, key);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/infra/v1/nodecluster/")).StatusCode);
        var keys = await session.ApiAsync("/api/account/v1/apikey/?label=fc-made");
        Assert.Empty(keys["objects"]!.AsArray());
        Assert.Equal(ExitCodes.NotFound, (await session.RunAsync("apikey", "rm", "fc-made")).ExitCode);
    }

    [Fact]
    public async Task A_user_and_an_organization_made_by_fc_give_the_team_its_role()
    {
        var name = "fc-user-" + Guid.NewGuid().ToString("N")[..8];
        var org = "fc-org-" + Guid.NewGuid().ToString("N")[..8];
        var userKey = (await session.RunAsync("user", "create", name, "--email", "u@example.com")).Succeeded().Trim();
        (await session.RunAsync("org", "create", org, "--owner", FunctionsCloudTestHost.AdminUser)).Succeeded();
        (await session.RunAsync("org", "team", "create", org, "readers", "--role", "read-only", "--member", name)).Succeeded();

        using var asUser = new Fc(new Dictionary<string, string> { ["FC_URL"] = session.Url, ["FC_USER"] = name, ["FC_APIKEY"] = userKey });
        var orgKey = (await asUser.RunAsync("apikey", "create", "in-org", "--namespace", org)).Succeeded().Trim();
        var inspected = JsonNode.Parse(Json(await session.RunAsync("org", "inspect", org)))!;
        Assert.Equal([name], inspected["teams"]!.AsArray().Single(t => (string?)t!["name"] == "readers")!["members"]!.AsArray().Select(m => (string?)m));
        var listed = JsonNode.Parse(Json(await asUser.RunAsync("-o", "json", "apikey", "ls")))!.AsArray();
        Assert.Equal(("read-only", org), ((string?)listed.Single(k => (string?)k!["label"] == "in-org")!["role"], (string?)listed.Single(k => (string?)k!["label"] == "in-org")!["namespace"]));

        using var inOrg = new Fc(new Dictionary<string, string> { ["FC_URL"] = session.Url, ["FC_USER"] = name, ["FC_APIKEY"] = orgKey });
        Assert.Equal(ExitCodes.Ok, (await inOrg.RunAsync("nodecluster", "ls")).ExitCode);
        Assert.Equal(ExitCodes.Unauthorized, (await inOrg.RunAsync("nodecluster", "create", "nope", "local", "local", "local")).ExitCode);

        (await session.RunAsync("user", "rm", name)).Succeeded();
        Assert.Equal(ExitCodes.Unauthorized, (await asUser.RunAsync("apikey", "ls")).ExitCode);
        Assert.Equal(ExitCodes.NotFound, (await session.RunAsync("user", "rm", name)).ExitCode);
    }

    /// <summary>What a run that succeeded wrote to stdout: JSON, for <c>-o json</c> and <c>inspect</c>.</summary>
    private static string Json(FcResult result)
    {
        result.Succeeded();
        return result.Out;
    }
}
