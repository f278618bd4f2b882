using System.Globalization;
using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Inventory;

/// <summary>What this host looks like: cpus, memory (MB, from /proc/meminfo), disk (GB of the state directory's filesystem), docker version.</summary>
public sealed class InventoryCollector(IDockerVersionProbe docker, string stateDir, string meminfoPath = InventoryCollector.DefaultMeminfoPath)
{
    public const string DefaultMeminfoPath = "/proc/meminfo";

    public async Task<NodeInventory> CollectAsync(CancellationToken cancellationToken)
    {
        var dockerVersion = await docker.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        return new NodeInventory(Environment.ProcessorCount, ReadMemoryMb(meminfoPath), ReadDiskGb(stateDir), dockerVersion);
    }

    /// <summary>MemTotal from a meminfo file, in MB; 0 when it cannot be read.</summary>
    public static long ReadMemoryMb(string path)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = line["MemTotal:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    var unit = parts.Length > 1 ? parts[1] : "kB";
                    var bytes = unit.ToUpperInvariant() switch
                    {
                        "KB" => value * 1024,
                        "MB" => value * 1024 * 1024,
                        "GB" => value * 1024 * 1024 * 1024,
                        _ => value,
                    };
                    return bytes / (1024 * 1024);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or /proc is not mounted: report what we know.
        }

        return 0;
    }

    /// <summary>The total size of the filesystem holding <paramref name="path"/> (or its nearest existing parent), in GB; 0 when unknown.</summary>
    public static long ReadDiskGb(string path)
    {
        try
        {
            var existing = Path.GetFullPath(path);
            while (!Directory.Exists(existing))
            {
                var parent = Path.GetDirectoryName(existing);
                if (parent is null)
                {
                    return 0;
                }

                existing = parent;
            }

            return new DriveInfo(existing).TotalSize / (1024L * 1024 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return 0;
        }
    }
}
