using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Changes;

/// <summary>A change in a namespace's log: PartitionKey = namespace, RowKey = <c>e|</c> and its sequence (19 digits, so keys sort by it).</summary>
internal sealed class ChangeEntity : ChangeRow
{
    public const string KeyPrefix = "e|";
    public const string KeyEnd = "e}";

    public long Sequence { get; set; }
    public string ChangeId { get; set; } = "";

    public static string KeyOf(long sequence) => KeyPrefix + sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static ChangeEntity From(PendingChangeEntity pending, long sequence)
    {
        var logged = new ChangeEntity { RowKey = KeyOf(sequence), Sequence = sequence, ChangeId = pending.ChangeId };
        logged.CopyChange(pending);
        return logged;
    }

    public ObjectChange ToChange() =>
        new(Sequence, Type, Action, State, ResourceUri, StoredValues.Tags(Parents), Guid.Parse(Uuid), StoredValues.DateOrDefault(Datetime));
}
