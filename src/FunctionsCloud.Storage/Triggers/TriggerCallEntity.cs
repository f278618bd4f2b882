using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>The calls of one trigger in one minute: PartitionKey = trigger uuid, RowKey = the minute (UTC, yyyyMMddHHmm).</summary>
internal sealed class TriggerCallEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Calls { get; set; }

    public static string MinuteKey(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
}
