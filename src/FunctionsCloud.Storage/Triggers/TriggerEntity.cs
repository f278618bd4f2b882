using Azure;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>A trigger's row: PartitionKey = namespace, RowKey = uuid; the secret only as its hash.</summary>
internal sealed class TriggerEntity : IStoredEntity<TriggerEntity, Trigger>
{
    public static string Resource => "trigger";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ServiceUuid { get; set; } = "";
    public string Name { get; set; } = "";
    public string Operation { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? CreatedDatetime { get; set; }
    public DateTimeOffset? LastCalledDatetime { get; set; }

    public static TriggerEntity From(Trigger trigger) => new()
    {
        PartitionKey = trigger.Namespace,
        RowKey = TableKeys.Of(trigger.Uuid),
        ServiceUuid = TableKeys.Of(trigger.ServiceUuid),
        Name = trigger.Name,
        Operation = ApiNames.Of(trigger.Operation),
        SecretHash = trigger.SecretHash,
        CreatedBy = trigger.CreatedBy,
        CreatedDatetime = StoredValues.Of(trigger.CreatedDatetime),
        LastCalledDatetime = trigger.LastCalledDatetime,
    };

    public Trigger ToDomain() => new()
    {
        Uuid = Guid.Parse(RowKey),
        Namespace = PartitionKey,
        ServiceUuid = Guid.Parse(ServiceUuid),
        Name = Name,
        Operation = ApiNames.Parse<TriggerOperation>(Operation),
        SecretHash = SecretHash,
        CreatedBy = CreatedBy,
        CreatedDatetime = StoredValues.DateOrDefault(CreatedDatetime),
        LastCalledDatetime = LastCalledDatetime,
        Version = ETag.ToString(),
    };

    public static string? VersionOf(Trigger trigger) => trigger.Version;

    public static void SetVersion(Trigger trigger, string version) => trigger.Version = version;
}
