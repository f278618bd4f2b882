using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Liveness;

/// <summary>
/// A node's pointer row. Every column is nullable because writes merge: a null column is left out of the
/// request and keeps its stored value, so each write sends only what it changes.
/// </summary>
internal sealed class LivenessPointerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset? LastSeen { get; set; }
    public int? Cpu { get; set; }
    public long? Memory { get; set; }
    public long? Disk { get; set; }
    public string? DockerVersion { get; set; }
    /// <summary>Deadline of the node's due row, in ticks; 0 when it has none (handed over as lost).</summary>
    public long? DueTicks { get; set; }
    public bool? Unreachable { get; set; }
    public int? Generation { get; set; }
    public int? SecretVersion { get; set; }
    /// <summary>The action of the engine upgrade ordered to the node's agent; "" when none is.</summary>
    public string? EngineUpgrade { get; set; }
}
