using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>What the engine must do for one desired container.</summary>
public enum ReconcileAction
{
    /// <summary>Missing: pull its image if needed, create it, and start it when it is to run.</summary>
    Create,

    /// <summary>Its copy is of an older revision (a redeploy): remove the copy and create it anew.</summary>
    Replace,
    Start,
    Stop,
}

/// <param name="Current">The copy the engine has (null for <see cref="ReconcileAction.Create"/>).</param>
public sealed record ReconcileStep(ReconcileAction Action, DesiredContainer Desired, ManagedContainer? Current);
