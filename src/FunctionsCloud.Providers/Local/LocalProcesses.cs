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
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            if (afterName < 0 || afterName + 2 >= stat.Length || stat[afterName + 2] is 'Z' or 'X')
            {
                return false;
            }

            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Split('\0').Contains(argument, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
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
