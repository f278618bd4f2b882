using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Tokens;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Install;

/// <summary>
/// The install script as a host would run it, served by the app, in a throwaway root: stand-ins for
/// systemctl, docker and the package manager record what the script asks of them; curl, tar and the
/// agent build are real.
/// </summary>
[Collection(AzuriteCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallScriptTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;
    private string _scratch = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
        _scratch = Directory.CreateTempSubdirectory("functionscloud-install-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task The_served_script_is_valid_posix_sh_with_this_deployments_address()
    {
        var script = await DownloadScriptAsync();

        Assert.Contains($"API_URL=\"${{FUNCTIONSCLOUD_API_URL:-{_app.Host.BaseAddress.ToString().TrimEnd('/')}}}\"", script);
        Assert.DoesNotContain("@API_URL@", script);
        var check = await RunAsync("sh", ["-n", await SaveAsync(script)], new Dictionary<string, string>());
        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task On_a_host_with_docker_it_keeps_the_engine_installs_the_agent_and_its_unit_and_a_second_run_is_safe()
    {
        var root = Path.Combine(_scratch, "root");
        var fakes = Fakes(docker: true);
        var token = await NewTokenAsync();
        var script = await SaveAsync(await DownloadScriptAsync());

        var first = await RunAsync("sh", [script, token], Environment(root, fakes));

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Docker engine found (Docker version 27.5.1", first.Output);
        Assert.DoesNotContain("apt-get", File.ReadAllText(Path.Combine(fakes, "calls.log")));
        var agent = Path.Combine(root, "opt/functionscloud-agent/FunctionsCloud.Agent");
        Assert.True(File.Exists(agent));
        Assert.True(File.GetUnixFileMode(agent).HasFlag(UnixFileMode.UserExecute));
        var config = Path.Combine(root, "var/lib/functionscloud-agent/agent.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        var settings = JsonNode.Parse(File.ReadAllText(config))!;
        Assert.Equal((_app.Host.BaseAddress.ToString().TrimEnd('/'), token), ((string?)settings["api_url"], (string?)settings["token"]));
        var unit = File.ReadAllText(Path.Combine(root, "etc/systemd/system/functionscloud-agent.service"));
        Assert.Contains("ExecStart=/opt/functionscloud-agent/FunctionsCloud.Agent --state-dir /var/lib/functionscloud-agent", unit);
        Assert.Contains("Restart=always", unit);
        // A terminated node's agent exits with this status; systemd must not start it again and again.
        Assert.Contains($"RestartPreventExitStatus={FunctionsCloud.Agent.AgentExitCodes.NodeTerminated}\n", unit);
        Assert.Contains("systemctl daemon-reload\nsystemctl enable functionscloud-agent\nsystemctl restart functionscloud-agent", File.ReadAllText(Path.Combine(fakes, "calls.log")));

        // A host that already registered keeps its identity when the script runs again.
        var identity = Path.Combine(root, "var/lib/functionscloud-agent/identity.json");
        File.WriteAllText(identity, "{\"uuid\": \"kept\"}");
        var second = await RunAsync("sh", [script, token], Environment(root, fakes));
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal("{\"uuid\": \"kept\"}", File.ReadAllText(identity));
        Assert.True(File.Exists(agent));
        Assert.False(Directory.Exists(Path.Combine(root, "opt/functionscloud-agent.old")));
    }

    [Fact]
    public async Task The_installed_agent_registers_the_host_as_a_byon_node()
    {
        var root = Path.Combine(_scratch, "root");
        var fakes = Fakes(docker: true);
        var result = await RunAsync("sh", [await SaveAsync(await DownloadScriptAsync()), await NewTokenAsync()], Environment(root, fakes));
        Assert.True(result.ExitCode == 0, result.Output);

        // What the unit would start, with the state directory inside the throwaway root.
        using var agent = Process.Start(new ProcessStartInfo(Path.Combine(root, "opt/functionscloud-agent/FunctionsCloud.Agent"))
        {
            ArgumentList = { "--state-dir", Path.Combine(root, "var/lib/functionscloud-agent") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var node = await EventuallyAsync(async () =>
            {
                var list = await _app.GetJsonAsync("/api/infra/v1/node/?state=Deployed");
                return list["objects"]!.AsArray().FirstOrDefault()?.AsObject();
            });
            Assert.Contains("byon=true", node["tags"]!.AsArray().Select(t => (string?)t!["name"]));
            // The agent keeps its identity right after the registration answer; a restart stays the same node.
            var identity = Path.Combine(root, "var/lib/functionscloud-agent/identity.json");
            await EventuallyAsync(() => Task.FromResult(File.Exists(identity) ? identity : null));
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_cloud_machines_user_data_runs_the_same_install_script_with_its_nodes_token()
    {
        var credentials = _app.Services.GetRequiredService<NodeCredentials>();
        var token = credentials.IssueRegistrationToken(new RegistrationClaim(AdminNamespace, Guid.NewGuid(), 1, DateTimeOffset.UtcNow.AddHours(1)));
        var userData = CloudInit.UserData(new AgentBootstrap(_app.Host.BaseAddress.ToString(), token));

        Assert.StartsWith("#cloud-config\n", userData);
        var command = userData.Split('\n').Single(l => l.TrimStart().StartsWith("- [ sh, -c,", StringComparison.Ordinal));
        var shell = command[(command.IndexOf('"') + 1)..command.LastIndexOf('"')];
        Assert.Contains($"{_app.Host.BaseAddress.ToString().TrimEnd('/')}{InstallCommand.ScriptPath} | sh -s -- {token}", shell);

        // Run it as cloud-init would, in the throwaway root.
        var root = Path.Combine(_scratch, "root");
        var result = await RunAsync("sh", ["-c", shell], Environment(root, Fakes(docker: true)));

        Assert.True(result.ExitCode == 0, result.Output);
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "var/lib/functionscloud-agent/agent.json")))!;
        Assert.Equal(token, (string?)settings["token"]);
        Assert.True(File.Exists(Path.Combine(root, "etc/systemd/system/functionscloud-agent.service")));
    }

    [Fact]
    public async Task Without_docker_it_installs_the_distributions_engine()
    {
        var fakes = Fakes(docker: false);

        var result = await RunAsync("sh", [await SaveAsync(await DownloadScriptAsync()), await NewTokenAsync()], Environment(Path.Combine(_scratch, "root"), fakes));

        Assert.True(result.ExitCode == 0, result.Output);
        var calls = File.ReadAllText(Path.Combine(fakes, "calls.log"));
        Assert.Contains("apt-get install -y -qq docker.io", calls);
        Assert.Contains("systemctl enable --now docker", calls);
    }

    [Theory]
    [InlineData("Darwin", "x86_64", 3, "unsupported operating system 'Darwin'")]
    [InlineData("Linux", "mips", 4, "unsupported architecture 'mips'")]
    public async Task Unsupported_hosts_get_a_clear_message_and_exit_code(string os, string machine, int exitCode, string message)
    {
        var fakes = Fakes(docker: true);
        Fake(fakes, "uname", $"case \"$1\" in -s) echo {os} ;; -m) echo {machine} ;; esac");

        var result = await RunAsync("sh", [await SaveAsync(await DownloadScriptAsync()), await NewTokenAsync()], Environment(Path.Combine(_scratch, "root"), fakes));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.False(Directory.Exists(Path.Combine(_scratch, "root", "opt")));
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("'; rm -rf / #", 2)]
    public async Task A_missing_or_malformed_token_is_a_usage_error(string token, int exitCode)
    {
        var result = await RunAsync("sh", [await SaveAsync(await DownloadScriptAsync()), token], Environment(Path.Combine(_scratch, "root"), Fakes(docker: true)));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_scratch, "root", "opt")));
    }

    [Fact]
    public async Task Agent_builds_are_served_for_known_platforms_only()
    {
        await ExpectAsync(await _app.NewClient().GetAsync("/api/agent/v1/build/windows-x64/"), HttpStatusCode.NotFound);
    }

    private async Task<string> DownloadScriptAsync()
    {
        using var anonymous = _app.NewClient();
        var response = await anonymous.GetAsync("/api/agent/v1/install.sh");
        await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/x-shellscript", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> SaveAsync(string script)
    {
        var path = Path.Combine(_scratch, "install.sh");
        await File.WriteAllTextAsync(path, script);
        return path;
    }

    private async Task<string> NewTokenAsync()
    {
        var response = await _app.Client.PostAsJsonAsync("/api/infra/v1/token/", new { });
        await ExpectAsync(response, HttpStatusCode.Created);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
    }

    /// <summary>A folder of stand-ins, first on PATH; each records its command line in calls.log.</summary>
    private string Fakes(bool docker)
    {
        var dir = Path.Combine(_scratch, "fakes");
        Directory.CreateDirectory(dir);
        Fake(dir, "systemctl", "");
        Fake(dir, "apt-get", "");
        if (docker)
            Fake(dir, "docker", "echo 'Docker version 27.5.1, build 9f9e405'");
        return dir;
    }

    private static void Fake(string dir, string name, string body)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, $"#!/bin/sh\necho \"{name} $*\" >> \"{Path.Combine(dir, "calls.log")}\"\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Only the fakes and the system's own tools, without the machine's own docker (a test may want a host without one).</summary>
    private Dictionary<string, string> Environment(string root, string fakes) => new()
    {
        ["PATH"] = $"{fakes}:{SystemToolsWithoutDocker()}",
        ["FUNCTIONSCLOUD_ROOT"] = root,
    };

    /// <summary>A folder of links to the system's commands (the first of each name on the usual PATH), docker's left out.</summary>
    private string SystemToolsWithoutDocker()
    {
        var dir = Path.Combine(_scratch, "system-tools");
        if (Directory.Exists(dir))
            return dir;
        Directory.CreateDirectory(dir);
        foreach (var source in new[] { "/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Where(Directory.Exists))
        {
            foreach (var tool in Directory.EnumerateFiles(source))
            {
                var name = Path.GetFileName(tool);
                var link = Path.Combine(dir, name);
                if (!name.StartsWith("docker", StringComparison.Ordinal) && !File.Exists(link))
                    File.CreateSymbolicLink(link, tool);
            }
        }

        return dir;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The installed agent did not register and keep its identity within 60 s.");
            await Task.Delay(250);
        }
    }
}
