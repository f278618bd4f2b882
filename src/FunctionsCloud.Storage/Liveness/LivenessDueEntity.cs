using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Liveness;

/// <summary>
/// A node's due row: its key says when the node must be looked at; it carries what the monitor needs to judge
/// the node, so a tick reads nothing but the due rows.
/// </summary>
internal sealed class LivenessDueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset LastSeen { get; set; }
    /// <summary>True when the deadline is the lost one (the node was already judged Unreachable).</summary>
    public bool Unreachable { get; set; }
}
