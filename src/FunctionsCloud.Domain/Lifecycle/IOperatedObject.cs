namespace FunctionsCloud.Domain.Lifecycle;

/// <summary>An object that users deploy and operate on, one operation at a time.</summary>
public interface IOperatedObject<TState> : ILifecycleObject<TState> where TState : struct, Enum
{
    DateTimeOffset? DeployedDatetime { get; set; }

    /// <summary>The action of the operation in flight, if any.</summary>
    Guid? ActiveAction { get; set; }
}
