using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Commands;

internal sealed class CommandReceiptEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string State { get; set; } = "";
    public DateTimeOffset? LeasedUntil { get; set; }
    public string? Object { get; set; }
    public string? Action { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }

    public static CommandReceiptEntity From(CommandReceipt receipt) => new()
    {
        PartitionKey = TableKeys.Require(receipt.Namespace, nameof(receipt.Namespace)),
        RowKey = TableKeys.Require(receipt.Key, nameof(receipt.Key)),
        ETag = receipt.Version is { } version ? new ETag(version) : default,
        State = receipt.State.ToString(),
        LeasedUntil = StoredValues.Of(receipt.LeasedUntil),
        Object = receipt.Object,
        Action = receipt.Action,
        Reason = receipt.Reason,
        ReceivedAt = StoredValues.Of(receipt.ReceivedAt),
    };

    public CommandReceipt ToReceipt() => new()
    {
        Namespace = PartitionKey,
        Key = RowKey,
        State = Enum.Parse<CommandReceiptState>(State),
        LeasedUntil = StoredValues.DateOrDefault(LeasedUntil),
        Object = Object,
        Action = Action,
        Reason = Reason,
        ReceivedAt = StoredValues.DateOrDefault(ReceivedAt),
        Version = ETag.ToString(),
    };
}
