using System.Diagnostics;
using FunctionsCloud.Providers.Tests.Aws.Support;

namespace FunctionsCloud.Providers.Tests.Aws;

/// <summary>
/// Runs the batch user data's runcmd in a real shell, with a stand-in curl playing the instance metadata service
/// and the install script: the instance at launch index i installs with node i's token, and an unknown index installs nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AwsUserDataShellTests : IDisposable
{
    private readonly AwsScenario _aws = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fc-aws-userdata", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _aws.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task The_instance_at_launch_index_i_installs_with_node_is_token()
    {
        _aws.Ec2.SubnetZones["subnet-0aaa"] = "us-east-1a";
        var nodes = AwsScenario.Nodes(3).OrderBy(n => n.NodeUuid).ToList();
        await _aws.Provider.CreateNodesAsync(_aws.Request(nodes, """{"vpc": {"subnets": ["subnet-0aaa"]}}"""), CancellationToken.None);
        var script = RunCommandsScript(UserDataText.Decode(Assert.Single(_aws.Ec2.Calls("RunInstances"))["UserData"]!));

        for (var index = 0; index < nodes.Count; index++)
        {
            var (exitCode, output) = await RunAsync(script, index);
            Assert.Equal(0, exitCode);
            Assert.Equal($"install with {nodes[index].Bootstrap.RegistrationToken}", output.Trim());
        }

        var (unknownExit, unknownOutput) = await RunAsync(script, 3);
        Assert.NotEqual(0, unknownExit);
        Assert.DoesNotContain("install with", unknownOutput, StringComparison.Ordinal);
    }

    /// <summary>The runcmd entries as cloud-init writes them into one shell script, with the token file moved under the test's directory.</summary>
    private string RunCommandsScript(string document)
    {
        var lines = document.Split('\n');
        var picker = lines.SkipWhile(l => l != "  - |").Skip(1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..]);
        var install = lines.Single(l => l.StartsWith("  - [ sh, -c, \"", StringComparison.Ordinal));
        var command = install["  - [ sh, -c, \"".Length..install.LastIndexOf("\" ]", StringComparison.Ordinal)];
        var script = string.Join('\n', picker.Append($"sh -c \"{command}\"")).Replace("/run/functionscloud", Path.Combine(_root, "run"), StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        File.WriteAllText(Path.Combine(_root, "bin", "curl"), """
            #!/bin/sh
            for argument in "$@"; do last="$argument"; done
            case "$last" in
              */api/token) echo imds-session ;;
              */meta-data/ami-launch-index) echo "$FAKE_LAUNCH_INDEX" ;;
              */install.sh) echo 'echo "install with $1"' ;;
            esac
            """);
        File.SetUnixFileMode(Path.Combine(_root, "bin", "curl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(_root, "runcmd.sh");
        File.WriteAllText(path, script);
        return path;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string script, int launchIndex)
    {
        var start = new ProcessStartInfo("sh", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{Path.Combine(_root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["FAKE_LAUNCH_INDEX"] = launchIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
