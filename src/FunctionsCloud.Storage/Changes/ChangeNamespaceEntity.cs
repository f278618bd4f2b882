using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Changes;

/// <summary>
/// A namespace that has a change log: one row each in the table's index partition, so that the retention sweep visits
/// every log without scanning the table. No namespace is named like the partition (<c>~</c> is no name's character).
/// </summary>
internal sealed class ChangeNamespaceEntity : ITableEntity
{
    public const string Partition = "~namespaces";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public static ChangeNamespaceEntity Of(string @namespace) => new() { RowKey = @namespace };
}
