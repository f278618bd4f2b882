using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FunctionsCloud.Providers.Local;

/// <summary>What the local provider needs to know about and do to processes on this (Linux) machine, by pid.</summary>
public static class LocalProcesses
{
    private const int SigTerm = 15;

    /// <summary>
    /// Whether <paramref name="pid"/> is a live (not zombie) process one of whose arguments is <paramref name="argument"/>
    /// (the node's state directory), so a recycled pid is never taken for the agent.
    /// </summary>
    public static bool IsAliveWithArgument(int pid, string argument)
    {
        try
        {
            return StartTimeOf(pid) is not null
                && File.ReadAllText($"/proc/{pid}/cmdline").Split('\0').Contains(argument, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// When the live (not zombie) process <paramref name="pid"/> started, in clock ticks since boot (/proc/&lt;pid&gt;/stat,
    /// field 22); null when there is none. A process that reuses the pid later has a later start time.
    /// </summary>
    public static ulong? StartTimeOf(int pid) =>
        StatFields(pid) is { Length: > 19 } fields && fields[0] is not ("Z" or "X")
        && ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;

    /// <summary>The session the process belongs to (/proc/&lt;pid&gt;/stat, field 6); null when there is no such process.</summary>
    public static int? SessionOf(int pid) =>
        StatFields(pid) is { Length: > 3 } fields && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var session)
            ? session
            : null;

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after the command name (which may hold spaces): state first.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.Length ? null : stat[(afterName + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The pid a pid file records, or null (no file, or not a pid).</summary>
    public static int? ReadPid(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Asks the process to stop (SIGTERM). False when there is no such process.</summary>
    public static bool RequestStop(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>Kills the process and its descendants. No error when it is already gone.</summary>
    public static void KillTree(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
