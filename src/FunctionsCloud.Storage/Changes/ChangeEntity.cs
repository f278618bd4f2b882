using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Changes;

/// <summary>A change in a namespace's log: PartitionKey = namespace, RowKey = <c>e|</c> and its sequence (19 digits, so keys sort by it).</summary>
internal sealed class ChangeEntity : ITableEntity
{
    public const string KeyPrefix = "e|";
    public const string KeyEnd = "e}";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Sequence { get; set; }
    public string ChangeId { get; set; } = "";
    public string Type { get; set; } = "";
    public string Action { get; set; } = "";
    public string State { get; set; } = "";
    public string ResourceUri { get; set; } = "";
    public string Parents { get; set; } = "[]";
    public string Uuid { get; set; } = "";
    public DateTimeOffset? Datetime { get; set; }

    public static string KeyOf(long sequence) => KeyPrefix + sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static ChangeEntity From(PendingChangeEntity pending, long sequence) => new()
    {
        PartitionKey = pending.PartitionKey,
        RowKey = KeyOf(sequence),
        Sequence = sequence,
        ChangeId = pending.ChangeId,
        Type = pending.Type,
        Action = pending.Action,
        State = pending.State,
        ResourceUri = pending.ResourceUri,
        Parents = pending.Parents,
        Uuid = pending.Uuid,
        Datetime = pending.Datetime,
    };

    public ObjectChange ToChange() =>
        new(Sequence, Type, Action, State, ResourceUri, StoredValues.Tags(Parents), Guid.Parse(Uuid), StoredValues.DateOrDefault(Datetime));
}
