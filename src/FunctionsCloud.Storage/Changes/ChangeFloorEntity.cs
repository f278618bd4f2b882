using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Changes;

/// <summary>
/// What the retention sweep deleted of a namespace's log (RowKey <c>floor</c>, beside its changes): every change up to
/// <see cref="Sequence"/>, the newest of them stamped <see cref="Datetime"/>. Written in the same transaction as the
/// deletions, so a reader never finds changes gone without it saying so.
/// </summary>
internal sealed class ChangeFloorEntity : ITableEntity
{
    public const string Key = "floor";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset? Datetime { get; set; }

    public ChangeLogFloor ToFloor() => new(Sequence, Datetime ?? DateTimeOffset.MinValue);
}
