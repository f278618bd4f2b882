using System.Globalization;
using FunctionsCloud.Testing.Docker;

namespace FunctionsCloud.LoadTests.Logs;

/// <summary>
/// Makes running containers print: a shell started in each (<c>docker exec</c>) writes numbered lines to the
/// container's own stdout (its first process's), so the engine logs them as the container's output, at a steady
/// rate: a burst every 100 ms (or one line a tick below 10 lines a second), then it ends.
/// </summary>
public static class LogPrinters
{
    /// <summary>A line of about 80 bytes, numbered.</summary>
    private const string Padding = "................................................................";

    public static Task StartAsync(IEnumerable<string> dockerIds, int linesPerSecond, int lines) =>
        Task.WhenAll(dockerIds.Select(id => DockerCli.OutputAsync("exec", "-d", id, "sh", "-c", Script(linesPerSecond, lines) + " >/proc/1/fd/1")));

    private static string Script(int linesPerSecond, int lines)
    {
        var burst = Math.Max(1, linesPerSecond / 10);
        var pause = 1_000_000L * burst / linesPerSecond;
        return string.Create(CultureInfo.InvariantCulture,
            $"n=0; while [ $n -lt {lines} ]; do k=0; while [ $k -lt {burst} ] && [ $n -lt {lines} ]; do n=$((n+1)); k=$((k+1)); echo \"line $n {Padding}\"; done; usleep {pause}; done");
    }
}
