using System.Globalization;
using System.Text.RegularExpressions;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.SoftLayer;

/// <summary>
/// A catalog size read as SoftLayer's flavor key name <c>&lt;family&gt;_&lt;cpus&gt;X&lt;memory GB&gt;X&lt;disk GB&gt;</c>:
/// B1_2X4X25 is 2 cpus, 4 GB of memory (maxMemory 4096 MB) and a 25 GB first disk. The guest is ordered with those
/// as startCpus, maxMemory and its first block device; the cluster's disk size is not applied (the size carries it).
/// </summary>
public sealed partial record SoftLayerFlavor(int Cpus, int MemoryMb, int DiskGb)
{
    public static SoftLayerFlavor Parse(string nodeType)
    {
        var match = FlavorPattern().Match(nodeType ?? "");
        return match.Success
            ? new SoftLayerFlavor(Number(match, "cpus"), Number(match, "memory") * 1024, Number(match, "disk"))
            : throw new ProviderException($"'{nodeType}' is not a SoftLayer size such as B1_2X4X25 (cpus X memory GB X disk GB).");
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*_(?<cpus>\d{1,3})X(?<memory>\d{1,4})X(?<disk>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex FlavorPattern();
}
