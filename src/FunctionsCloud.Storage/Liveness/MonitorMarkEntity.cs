using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Liveness;

/// <summary>The monitor's mark (<see cref="MonitorMark"/>): one row in the first shard's table.</summary>
internal sealed class MonitorMarkEntity : ITableEntity
{
    public const string Key = "monitor|working";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset LastWorking { get; set; }
    public DateTimeOffset WorkingSince { get; set; }
}
