using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Nodes;

/// <summary>
/// Only the columns a heartbeat changes, merged into the node's row: the other columns stay as they are.
/// Names and types match <see cref="NodeEntity"/>'s.
/// </summary>
internal sealed class NodeHeartbeatEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset LastSeen { get; set; }
    public int Cpu { get; set; }
    public long Memory { get; set; }
    public long Disk { get; set; }
    /// <summary>Null leaves the stored version as it was (a merge omits null columns).</summary>
    public string? DockerVersion { get; set; }
}
