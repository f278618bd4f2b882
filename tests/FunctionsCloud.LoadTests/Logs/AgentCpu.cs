using System.Globalization;

namespace FunctionsCloud.LoadTests.Logs;

/// <summary>The CPU time the local nodes' agent processes have used, as the kernel counts it (user and system time in /proc).</summary>
public sealed class AgentCpu(IReadOnlyList<int> pids)
{
    /// <summary>The kernel's clock ticks per second for /proc's times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public int Processes => pids.Count;

    /// <summary>Every agent's user and system time so far, together.</summary>
    public TimeSpan Used() => TimeSpan.FromSeconds(pids.Sum(Seconds));

    private static double Seconds(int pid)
    {
        // The fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th.
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
