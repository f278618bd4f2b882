using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Lifecycle;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Storage.Entities;

/// <summary>
/// The columns every object of the resource model stores alike, written once for all of them: PartitionKey =
/// namespace, RowKey = uuid, State by wire name, the dates of its life, and its Version as the row's ETag.
/// </summary>
internal abstract class LifecycleRow<TSelf, TDomain, TState> : ITableEntity
    where TSelf : LifecycleRow<TSelf, TDomain, TState>
    where TDomain : class, ILifecycleObject<TState>
    where TState : struct, Enum
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string State { get; set; } = "";
    public DateTimeOffset? CreatedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }

    public static string? VersionOf(TDomain item) => item.Version;

    public static void SetVersion(TDomain item, string version) => item.Version = version;

    /// <summary>This row with the item's common columns written; the row's own columns are the caller's.</summary>
    protected TSelf WithLifecycleOf(TDomain item)
    {
        WriteLifecycle(item);
        return (TSelf)this;
    }

    /// <summary>The item, built with <see cref="StoredUuid"/>, PartitionKey and <see cref="StoredCreated"/>, given the rest of the common columns.</summary>
    protected TDomain Restored(TDomain item)
    {
        ReadLifecycle(item);
        item.Restore(ApiNames.Parse<TState>(State));
        return item;
    }

    protected Guid StoredUuid() => Guid.Parse(RowKey);

    protected DateTimeOffset StoredCreated() => StoredValues.DateOrDefault(CreatedDatetime);

    protected virtual void WriteLifecycle(TDomain item)
    {
        PartitionKey = item.Namespace;
        RowKey = TableKeys.Of(item.Uuid);
        State = ApiNames.Of(item.State);
        CreatedDatetime = StoredValues.Of(item.CreatedDatetime);
        DestroyedDatetime = item.DestroyedDatetime;
    }

    protected virtual void ReadLifecycle(TDomain item)
    {
        item.DestroyedDatetime = DestroyedDatetime;
        item.Version = ETag.ToString();
    }
}
