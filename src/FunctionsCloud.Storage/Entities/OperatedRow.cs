using FunctionsCloud.Domain.Lifecycle;

namespace FunctionsCloud.Storage.Entities;

/// <summary>The row of an object users deploy and operate on: the common columns and DeployedDatetime and ActiveAction.</summary>
internal abstract class OperatedRow<TSelf, TDomain, TState> : LifecycleRow<TSelf, TDomain, TState>
    where TSelf : OperatedRow<TSelf, TDomain, TState>
    where TDomain : class, IOperatedObject<TState>
    where TState : struct, Enum
{
    public DateTimeOffset? DeployedDatetime { get; set; }
    public string? ActiveAction { get; set; }

    protected override void WriteLifecycle(TDomain item)
    {
        base.WriteLifecycle(item);
        DeployedDatetime = item.DeployedDatetime;
        ActiveAction = StoredValues.Of(item.ActiveAction);
    }

    protected override void ReadLifecycle(TDomain item)
    {
        base.ReadLifecycle(item);
        item.DeployedDatetime = DeployedDatetime;
        item.ActiveAction = StoredValues.GuidOrNull(ActiveAction);
    }
}
