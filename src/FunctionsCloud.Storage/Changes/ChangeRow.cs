using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Changes;

/// <summary>What a change says, the same in the outbox row beside its object and in the namespace's log.</summary>
internal abstract class ChangeRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Type { get; set; } = "";
    public string Action { get; set; } = "";
    public string State { get; set; } = "";
    public string ResourceUri { get; set; } = "";
    public string Parents { get; set; } = "[]";
    public string Uuid { get; set; } = "";
    public DateTimeOffset? Datetime { get; set; }

    protected void CopyChange(ChangeRow from)
    {
        PartitionKey = from.PartitionKey;
        (Type, Action, State, ResourceUri, Parents, Uuid, Datetime) = (from.Type, from.Action, from.State, from.ResourceUri, from.Parents, from.Uuid, from.Datetime);
    }
}
