using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Concurrency;

/// <summary>The row a <see cref="VersionedWrite"/> replaces with If-Match beside the rows it writes.</summary>
internal sealed class VersionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>A fresh value at each write (the ETag is what guards; this shows the row changed).</summary>
    public string Version { get; set; } = "";
}
