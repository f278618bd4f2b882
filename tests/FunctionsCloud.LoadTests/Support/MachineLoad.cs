namespace FunctionsCloud.LoadTests.Support;

/// <summary>
/// The machine's load average beside its cores, printed with a run's figures: on a machine shared with builds, a
/// figure means little without it (Linux's /proc/loadavg; elsewhere only the cores).
/// </summary>
public static class MachineLoad
{
    public static string Describe()
    {
        var averages = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : [];
        return averages.Length >= 3
            ? $"load average {averages[0]}, {averages[1]}, {averages[2]} (1, 5, 15 min) on {Environment.ProcessorCount} cores"
            : $"{Environment.ProcessorCount} cores, load average unknown";
    }
}
