namespace FunctionsCloud.Testing.Crashes;

/// <summary>
/// The local nodes' agent processes as this machine's process table shows them (not as any host believes): each
/// runs with <c>--state-dir &lt;state root&gt;/&lt;node uuid&gt;</c>, which tells whose and which node's it is.
/// </summary>
public static class AgentProcesses
{
    /// <summary>Live agent processes under <paramref name="stateRoot"/>, by node uuid (a node with two would be a machine made twice).</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<int>> Under(string stateRoot)
    {
        var prefix = Path.GetFullPath(stateRoot).TrimEnd('/') + "/";
        var found = new Dictionary<Guid, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || StateDirectory(pid) is not { } stateDir
                || !stateDir.StartsWith(prefix, StringComparison.Ordinal) || !Guid.TryParse(stateDir[prefix.Length..], out var node))
                continue;
            if (!found.TryGetValue(node, out var pids))
                found[node] = pids = [];
            pids.Add(pid);
        }

        return found.ToDictionary(e => e.Key, e => (IReadOnlyList<int>)e.Value);
    }

    private static string? StateDirectory(int pid)
    {
        try
        {
            if (File.ReadAllText($"/proc/{pid}/stat").Split(") ") is [_, var rest] && rest.StartsWith('Z'))
                return null; // exited, not yet reaped
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var at = Array.IndexOf(arguments, "--state-dir");
            return at >= 0 && at + 1 < arguments.Length ? arguments[at + 1] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile
        }
    }
}
