using System.Diagnostics;

namespace FunctionsCloud.LocalHost.Docker;

/// <summary>
/// The local nodes' agents run containers on this machine's Docker engine. When none answers, the repository's
/// set-up script (.ci/docker: Debian's docker.io, dockerd started, the busybox test image) is run once, as
/// Azurite is installed and started for storage. Without an engine, nodes still come up; containers cannot run.
/// </summary>
public static class LocalDockerEngine
{
    public static async Task EnsureAsync(string? repositoryRoot, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (await RunAsync("docker", ["info"], cancellationToken, quiet: true) == 0)
            return;
        var script = repositoryRoot is null ? null : Path.Combine(repositoryRoot, ".ci", "docker");
        if (script is null || !File.Exists(script))
        {
            await output.WriteLineAsync("No Docker engine answers and no set-up script was found: nodes will run, containers will not.");
            return;
        }

        await output.WriteLineAsync($"No Docker engine answers; setting one up with {script} ...");
        if (await RunAsync("bash", [script], cancellationToken) != 0)
            await output.WriteLineAsync("The Docker engine could not be set up: nodes will run, containers will not.");
    }

    private static async Task<int> RunAsync(string command, string[] arguments, CancellationToken cancellationToken, bool quiet = false)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            if (quiet)
                await Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // the command is not installed
        }
    }
}
