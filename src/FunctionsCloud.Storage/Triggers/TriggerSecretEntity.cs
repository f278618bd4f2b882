using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>One secret's row: PartitionKey = the secret's hash (hex), RowKey = <see cref="Row"/>.</summary>
internal sealed class TriggerSecretEntity : ITableEntity
{
    public const string Row = "trigger";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Namespace { get; set; } = "";
    public string TriggerUuid { get; set; } = "";
}
