using Microsoft.Extensions.Configuration;

using FunctionsCloud.Storage.Connection;

namespace FunctionsCloud.Storage.Liveness;

/// <summary>
/// How the liveness rows are cut: a fixed number of shards (setting <c>FunctionsCloud:LivenessShards</c>, 16 by
/// default; a power of 16 up to 4096), each holding the rows of the nodes whose uuid ends in its hex digits, in a
/// table of its own (<c>{prefix}Liveness{digits}</c>) and one partition. Fixed, so the monitor knows every shard
/// without a listing; changing it strands the rows already written, so choose it before the first node registers.
/// A table per shard rather than a partition per shard costs Azure nothing and keeps the storage emulator, which
/// scans and re-indexes a whole table for every query and write, in proportion to one shard.
/// </summary>
public sealed record LivenessShards
{
    public const string Setting = "FunctionsCloud:LivenessShards";
    public const int Default = 16;
    private const string Prefix = "s";

    public LivenessShards(int count)
    {
        Digits = count switch
        {
            1 => 0,
            16 => 1,
            256 => 2,
            4096 => 3,
            _ => throw new ArgumentException($"{Setting} must be 1, 16, 256 or 4096, not {count}.", nameof(count)),
        };
        Count = count;
        Keys = Enumerable.Range(0, count).Select(i => Prefix + (Digits == 0 ? "" : i.ToString($"x{Digits}"))).ToList();
    }

    public int Count { get; }

    /// <summary>Every shard's partition key.</summary>
    public IReadOnlyList<string> Keys { get; }

    private int Digits { get; }

    /// <summary>
    /// The shard of a node. The uuid's last hex digits, because they are random in every uuid the app makes
    /// (time-ordered ids put the time first).
    /// </summary>
    public string Of(Guid nodeUuid) => Prefix + nodeUuid.ToString("N")[(32 - Digits)..];

    /// <summary>The table of a shard: the liveness table's name followed by the shard's hex digits.</summary>
    public static string TableName(TableNames names, string shard) => names.Liveness + shard[Prefix.Length..];

    public static LivenessShards FromConfiguration(IConfiguration configuration) =>
        new(int.TryParse(configuration[Setting], out var count) ? count : Default);
}
