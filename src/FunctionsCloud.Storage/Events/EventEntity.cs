using Azure;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Events;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Events;

/// <summary>An event's row: PartitionKey = namespace, RowKey = the uuid's newest-first key.</summary>
internal sealed class EventEntity : IStoredEntity<EventEntity, EventRecord>
{
    public static string Resource => "event";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The public id, random from its first character; the RowKey puts its time first so that rows sort newest first.</summary>
    public string Uuid { get; set; } = "";

    public string Type { get; set; } = "";
    public string Action { get; set; } = "";
    public string Object { get; set; } = "";
    public string State { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset? Date { get; set; }

    public static EventEntity From(EventRecord e) => new()
    {
        PartitionKey = e.Namespace,
        RowKey = RowKeyOf(e.Uuid),
        Uuid = TableKeys.Of(e.Uuid),
        Type = e.Type,
        Action = e.Action,
        Object = e.Object,
        State = e.State,
        Reason = e.Reason,
        Date = StoredValues.Of(e.Date),
    };

    public EventRecord ToDomain() => new()
    {
        Uuid = Guid.Parse(Uuid),
        Namespace = PartitionKey,
        Type = Type,
        Action = Action,
        Object = Object,
        State = State,
        Reason = Reason,
        Date = StoredValues.DateOrDefault(Date),
        Version = ETag.ToString(),
    };

    public static string RowKeyOf(Guid uuid) => Uuid4.NewestFirstKey(uuid);

    public static string? VersionOf(EventRecord item) => item.Version;

    public static void SetVersion(EventRecord item, string version) => item.Version = version;
}
