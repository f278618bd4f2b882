using Azure.Data.Tables;
using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Changes;

/// <summary>
/// A change not yet in the change log: the outbox row an object's write adds in the same transaction, in the object's
/// own table and partition (RowKey <c>~change|&lt;id&gt;</c>, after every object's key), so the change is stored exactly
/// when the object is. Relaying copies it into the log and deletes it.
/// </summary>
internal sealed class PendingChangeEntity : ChangeRow
{
    public const string KeyPrefix = "~change|";
    public const string KeyEnd = "~change}";
    /// <summary>Every object's RowKey sorts before this, every outbox row's after it.</summary>
    public const string FirstOutboxKey = "~";

    /// <summary>The change's id: the log keeps one change per id, so relaying it again adds nothing.</summary>
    public string ChangeId => RowKey[KeyPrefix.Length..];

    public static PendingChangeEntity For(string @namespace, ChangeSubject subject, bool created, DateTimeOffset at) => new()
    {
        PartitionKey = @namespace,
        RowKey = KeyPrefix + Guid.NewGuid().ToString("N"),
        Type = subject.Type,
        Action = ChangeActions.Of(subject, created),
        State = subject.State,
        ResourceUri = subject.ResourceUri,
        Parents = StoredValues.Of(subject.Parents),
        Uuid = TableKeys.Of(subject.Uuid),
        Datetime = at,
    };

    /// <summary>A write's operations in a transaction: its row, and its change when it has one.</summary>
    public static int OperationsWith(PendingChangeEntity? change) => change is null ? 1 : 2;

    /// <summary>The transaction's operations that add a new row and its change beside it (when it has one).</summary>
    public static IEnumerable<TableTransactionAction> AddsOf(ITableEntity row, PendingChangeEntity? change)
    {
        yield return new(TableTransactionActionType.Add, row);
        if (change is not null)
            yield return new(TableTransactionActionType.Add, change);
    }
}
