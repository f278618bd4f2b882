using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Containers;

/// <summary>One container of a service, placed on one node, named &lt;service&gt;-&lt;n&gt;.</summary>
public sealed class Container : Lifecycle.ILifecycleObject<ContainerState>
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    public required Guid ServiceUuid { get; init; }
    public required string ServiceName { get; init; }
    /// <summary>The n of the name &lt;service&gt;-&lt;n&gt;.</summary>
    public required int Number { get; init; }
    public required Guid NodeUuid { get; init; }
    public ContainerState State { get; private set; } = ContainerState.Starting;
    public ContainerDesire Desired { get; set; } = ContainerDesire.Running;
    /// <summary>Grows with every redeploy: the agent replaces a container whose revision is older than this.</summary>
    public int Revision { get; set; } = 1;
    /// <summary>Counts the operations asked of the container (start, stop, redeploy, removal): reports of an older one move no state.</summary>
    public int Intent { get; set; }
    /// <summary>The revision of the container the agent last reported on.</summary>
    public int ReportedRevision { get; set; }
    public required ContainerSpec Spec { get; set; }
    /// <summary>Names the container's named volumes on its node: a redeploy with reuse_volumes=false moves it on, so the container starts with new, empty ones.</summary>
    public int VolumeSet { get; set; }
    public int? ExitCode { get; set; }
    public string? ExitCodeMsg { get; set; }
    public string? DockerId { get; set; }
    public string? PrivateIp { get; set; }
    public IReadOnlyList<BoundPort> Ports { get; set; } = [];
    /// <summary>The <c>ENV</c> of the image the container at <see cref="DockerId"/> runs (origin image), as its agent reported it; empty until then.</summary>
    public IReadOnlyList<EnvironmentVariable> ImageEnvironment { get; set; } = [];
    public DateTimeOffset CreatedDatetime { get; init; }
    public DateTimeOffset? StartedDatetime { get; set; }
    public DateTimeOffset? StoppedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }
    /// <summary>Optimistic concurrency stamp of the stored copy.</summary>
    public string? Version { get; set; }

    public string Name => ContainerNames.Of(ServiceName, Number);

    public void MoveTo(ContainerState next) => State = ContainerStates.Machine.Move("container", State, next);

    /// <summary>Rehydrates a stored state without checking transitions.</summary>
    public void Restore(ContainerState state) => State = state;

    public bool IsLive => ContainerStates.IsLive(State);
}
