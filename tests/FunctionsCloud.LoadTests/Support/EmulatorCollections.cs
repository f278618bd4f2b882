using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionsCloud.LoadTests.Support;

/// <summary>
/// The storage emulator's full garbage collections (Node.js mark-compacts, from <c>node --trace-gc</c>), each with the
/// moment this process heard of it: while one runs, its marking threads share the machine's cores with everything else.
/// </summary>
public sealed partial class EmulatorCollections
{
    private readonly List<EmulatorCollection> _heard = [];
    private readonly Lock _gate = new();

    /// <summary>Takes one line of the emulator's output; those that are not a full collection are ignored.</summary>
    public void Hear(string line)
    {
        var match = MarkCompact().Match(line);
        if (!match.Success)
            return;
        var collection = new EmulatorCollection(Stopwatch.GetTimestamp(), Megabytes(match, "before"), Megabytes(match, "after"),
            double.Parse(match.Groups["pause"].Value, CultureInfo.InvariantCulture));
        lock (_gate)
            _heard.Add(collection);
    }

    /// <summary>The collections heard from <paramref name="from"/> (a <see cref="Stopwatch"/> timestamp) on.</summary>
    public IReadOnlyList<EmulatorCollection> Since(long from)
    {
        lock (_gate)
            return _heard.Where(c => c.HeardAt >= from).ToList();
    }

    private static double Megabytes(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    // e.g. "Mark-Compact 289.4 (411.2) -> 72.2 (409.2) MB, 25.23 / 12.21 ms"
    [GeneratedRegex(@"Mark-Compact(?: \(reduce\))? (?<before>[\d.]+) \([\d.]+\) -> (?<after>[\d.]+) \([\d.]+\) MB,(?: pooled: [\d.]+ MB,)? (?<pause>[\d.]+) / [\d.]+ ms")]
    private static partial Regex MarkCompact();
}

/// <param name="HeardAt">When this process read its line (a <see cref="Stopwatch"/> timestamp): just after it ended.</param>
/// <param name="PauseMs">The emulator's main thread's pause; the marking before it ran beside the emulator's work.</param>
public sealed record EmulatorCollection(long HeardAt, double HeapBeforeMb, double HeapAfterMb, double PauseMs);
