namespace FunctionsCloud.Testing.Docker;

/// <summary>The docker command line, for tests that look at what the agents did to the engine (exec, inspect, clean up).</summary>
public static class DockerCli
{
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => ProcessRunner.RunAsync("docker", arguments);

    /// <summary>Runs and expects success; the output otherwise says why.</summary>
    public static async Task<string> OutputAsync(params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(arguments);
        return exitCode == 0 ? output : throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed ({exitCode}): {output}");
    }

    /// <summary>Removes every container carrying the label (e.g. the containers of a test's nodes), running or not, then the named volumes carrying it.</summary>
    public static async Task RemoveLabelledAsync(string label)
    {
        var ids = (await OutputAsync("ps", "-aq", "--filter", $"label={label}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > 0)
            await RunAsync(["rm", "-f", .. ids]);
        var volumes = await VolumesAsync(label);
        if (volumes.Count > 0)
            await RunAsync(["volume", "rm", "-f", .. volumes]);
    }

    /// <summary>The names of the named volumes carrying the label.</summary>
    public static async Task<IReadOnlyList<string>> VolumesAsync(string label) =>
        (await OutputAsync("volume", "ls", "-q", "--filter", $"label={label}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
