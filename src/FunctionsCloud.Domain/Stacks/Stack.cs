using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Stacks;

/// <summary>A named group of services deployed together; its states are a service's.</summary>
public sealed class Stack : Lifecycle.IOperatedObject<ServiceState>
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public string Nickname { get; set; } = "";
    public ServiceState State { get; private set; } = ServiceState.NotRunning;

    /// <summary>
    /// False while its services are being written: lists and reads do not show such a stack, so that a stack is
    /// seen whole or not at all.
    /// </summary>
    public bool Complete { get; set; }

    public DateTimeOffset CreatedDatetime { get; init; }
    public DateTimeOffset? DeployedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }

    /// <summary>The action of the operation in flight, if any: one operation per stack at a time.</summary>
    public Guid? ActiveAction { get; set; }

    /// <summary>Optimistic concurrency stamp of the stored copy.</summary>
    public string? Version { get; set; }

    public void MoveTo(ServiceState next) => State = ServiceStates.Machine.Move("stack", State, next);

    /// <summary>Rehydrates a stored state without checking transitions.</summary>
    public void Restore(ServiceState state) => State = state;

    public bool IsLive => ServiceStates.IsLive(State);
}
