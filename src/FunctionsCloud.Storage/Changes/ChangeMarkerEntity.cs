using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Changes;

/// <summary>
/// The log's bookkeeping rows, beside its changes in the namespace's partition: the head (<c>head</c>, the last
/// sequence given out) and one row per change id (<c>i|&lt;id&gt;</c>), added in the same transaction as the change so a
/// change relayed twice is refused the second time.
/// </summary>
internal sealed class ChangeMarkerEntity : ITableEntity
{
    public const string HeadKey = "head";
    public const string IdPrefix = "i|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Sequence { get; set; }

    public static ChangeMarkerEntity Head(string @namespace, long sequence) => new() { PartitionKey = @namespace, RowKey = HeadKey, Sequence = sequence };

    public static ChangeMarkerEntity Id(string @namespace, string changeId, long sequence) =>
        new() { PartitionKey = @namespace, RowKey = IdPrefix + changeId, Sequence = sequence };
}
