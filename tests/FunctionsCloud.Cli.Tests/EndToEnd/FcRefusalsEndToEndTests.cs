using System.Net;
using System.Net.Http.Json;
using FunctionsCloud.Cli.Configuration;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Cli.Tests.EndToEnd;

/// <summary>
/// What fc says when the API or the naming refuses: a name that is also another object's uuid prefix, a field the
/// API refuses, a wrong key, a name that names nothing; each with its exit code and nothing changed. The real app;
/// no nodes are needed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FcRefusalsEndToEndTests(LoggedInFcFixture fixture) : IClassFixture<LoggedInFcFixture>
{
    private readonly FcSession session = fixture.Session;

    [Fact]
    public async Task A_name_that_is_also_another_clusters_uuid_prefix_is_ambiguous()
    {
        var first = await session.App.CreateClusterAsync("first", 1);
        var prefix = ((string)first["uuid"]!)[..8];
        await session.App.CreateClusterAsync(prefix, 1); // named like the first one's short id

        var result = await session.RunAsync("nodecluster", "inspect", prefix);

        Assert.Equal(ExitCodes.Ambiguous, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains($"'{prefix}' matches 2 nodeclusters", result.Error);
        Assert.Contains("(first, Init)", result.Error);
        Assert.Contains($"({prefix}, Init)", result.Error);

        // The full uuid, or the other's own prefix, still names each one.
        Assert.Equal(ExitCodes.Ok, (await session.RunAsync("nodecluster", "inspect", (string)first["uuid"]!)).ExitCode);
    }

    [Fact]
    public async Task A_field_the_API_refuses_is_printed_with_its_message_and_nothing_is_made()
    {
        var result = await session.RunAsync("service", "create", "-n", "bad", "Not An Image!");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("fc: ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  image_name: ", StringComparison.Ordinal) || l.StartsWith("  image: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error); // no stack trace
        var services = await session.ApiAsync("/api/app/v1/service/?name=bad");
        Assert.Equal(0, (int?)services["meta"]!["total_count"]);
    }

    [Fact]
    public async Task A_name_that_names_nothing_is_not_found()
    {
        var result = await session.RunAsync("service", "scale", "nothing-here", "2");
        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Equal("fc: No service 'nothing-here': name it by name, uuid or uuid prefix.", result.Error.Trim());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_at_login_and_not_stored()
    {
        using var other = new Support.Fc();
        var result = await other.RunAsync("login", "--url", session.Url, "--user", FunctionsCloudTestHost.AdminUser, "--apikey", "fck_wrong_key");

        Assert.Equal(ExitCodes.Unauthorized, result.ExitCode);
        Assert.DoesNotContain("fck_wrong_key", result.ToString());
        Assert.False(File.Exists(new ConfigFile(other.ConfigDirectory).Path));
    }

    [Fact]
    public async Task Login_stores_the_credentials_owner_only_and_environment_variables_win_over_them()
    {
        var file = new ConfigFile(session.Fc.ConfigDirectory);
        Assert.Equal(session.App.AdminKey, file.Read()!.ApiKey);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));

        session.Fc.Variables[CredentialSource.ApiKeyVariable] = "fck_overridden";
        try
        {
            var refused = await session.RunAsync("provider", "ls");
            Assert.Equal(ExitCodes.Unauthorized, refused.ExitCode);
            Assert.DoesNotContain("fck_overridden", refused.ToString());
        }
        finally
        {
            session.Fc.Variables.Remove(CredentialSource.ApiKeyVariable);
        }

        var providers = await session.RunAsync("provider", "ls");
        Assert.Equal(ExitCodes.Ok, providers.ExitCode);
        Assert.Matches(@"(?m)^local\s", providers.Out);
    }

    [Fact]
    public async Task An_operation_on_a_state_that_forbids_it_is_a_conflict()
    {
        var created = await session.App.Client.PostAsJsonAsync("/api/app/v1/service/", new { name = "idle", image_name = "functionscloud/busybox" });
        await FunctionsCloudTestHost.ExpectAsync(created, HttpStatusCode.Created);
        Assert.Equal(ExitCodes.Ok, (await session.RunAsync("service", "rm", "idle")).ExitCode);

        var again = await session.RunAsync("service", "stop", "idle");

        Assert.Equal(ExitCodes.Conflict, again.ExitCode);
        Assert.StartsWith("fc: ", again.Error);
    }
}
