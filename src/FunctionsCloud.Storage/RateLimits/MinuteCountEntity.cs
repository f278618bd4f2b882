using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.RateLimits;

/// <summary>The events of one partition (a trigger, a user's key creations) in one minute: RowKey = the minute (UTC, yyyyMMddHHmm).</summary>
internal sealed class MinuteCountEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Calls { get; set; }
}
