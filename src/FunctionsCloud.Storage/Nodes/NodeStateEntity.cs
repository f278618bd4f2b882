using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Nodes;

/// <summary>
/// Only the columns a liveness transition changes, merged into the node's row: the other columns stay as they
/// are. Names and types match <see cref="NodeEntity"/>'s.
/// </summary>
internal sealed class NodeStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string State { get; set; } = "";
    /// <summary>Null leaves the stored one as it was (a merge omits null columns).</summary>
    public string? LastError { get; set; }
}
