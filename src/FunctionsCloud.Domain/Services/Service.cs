using FunctionsCloud.Domain.Placement;

namespace FunctionsCloud.Domain.Services;

/// <summary>A group of containers from one image, spread over the nodes by its deployment strategy.</summary>
public sealed class Service : Lifecycle.IOperatedObject<ServiceState>
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public string Nickname { get; set; } = "";
    public ServiceState State { get; private set; } = ServiceState.NotRunning;
    public required string ImageName { get; set; }
    /// <summary>The stack the service belongs to, if any; its links then name services of that stack.</summary>
    public Guid? StackUuid { get; init; }
    /// <summary>Taken out of its stack by a stack update: the stack's next redeploy terminates it.</summary>
    public bool LeavingStack { get; set; }
    public int TargetNumContainers { get; set; } = 1;
    public DeploymentStrategy DeploymentStrategy { get; set; } = DeploymentStrategy.EmptiestNode;
    public IReadOnlyList<string> Tags { get; set; } = [];
    public IReadOnlyList<ContainerPort> ContainerPorts { get; set; } = [];
    public IReadOnlyList<EnvironmentVariable> ContainerEnvvars { get; set; } = [];
    public IReadOnlyList<ServiceLink> LinkedToService { get; set; } = [];
    /// <summary>The command, split into arguments (null: the image's own).</summary>
    public IReadOnlyList<string>? RunCommand { get; set; }
    public IReadOnlyList<string>? Entrypoint { get; set; }
    public string? WorkingDir { get; set; }
    /// <summary>Memory limit in MB (null: none).</summary>
    public long? Memory { get; set; }
    public long? CpuShares { get; set; }
    public Autorestart Autorestart { get; set; } = Autorestart.Off;
    public Autodestroy Autodestroy { get; set; } = Autodestroy.Off;
    public bool Autoredeploy { get; set; }
    public bool SequentialDeployment { get; set; }
    /// <summary>Whether the containers run with every capability and the node's devices.</summary>
    public bool Privileged { get; set; }
    public NetworkMode Net { get; set; } = NetworkMode.Bridge;
    public PidMode Pid { get; set; } = PidMode.None;
    public IReadOnlyList<ServiceBinding> Bindings { get; set; } = [];
    /// <summary>
    /// Whether the operation holding the slot is a redeploy asked to start its containers with new, empty named
    /// volumes (reuse_volumes=false). Set in the same write that takes the slot, as <see cref="TriggerBody"/> is.
    /// </summary>
    public bool FreshVolumes { get; set; }
    public DateTimeOffset CreatedDatetime { get; init; }
    public DateTimeOffset? DeployedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }
    /// <summary>The action of the operation in flight, if any: one operation per service at a time.</summary>
    public Guid? ActiveAction { get; set; }
    /// <summary>
    /// The body of the latest trigger call that started an operation, which containers made from then on get as
    /// TRIGGER_BODY. Set in the same write that takes the operation slot, so a refused call never leaves its own.
    /// </summary>
    public string? TriggerBody { get; set; }
    /// <summary>Optimistic concurrency stamp of the stored copy.</summary>
    public string? Version { get; set; }

    public void MoveTo(ServiceState next) => State = ServiceStates.Machine.Move("service", State, next);

    /// <summary>Rehydrates a stored state without checking transitions.</summary>
    public void Restore(ServiceState state) => State = state;

    public bool IsLive => ServiceStates.IsLive(State);
}
