namespace FunctionsCloud.Domain.Nodes;

/// <summary>One host running the agent: a cloud VM, a local agent process, or a host brought by its owner.</summary>
public sealed class Node : Lifecycle.IOperatedObject<NodeState>
{
    public required Guid Uuid { get; init; }
    public required string Namespace { get; init; }
    public Guid? NodeCluster { get; init; }
    public required string Provider { get; init; }
    public required string Region { get; init; }
    public required string NodeType { get; init; }
    public string? AvailabilityZone { get; set; }
    public NodeState State { get; private set; } = NodeState.Deploying;
    public string Nickname { get; set; } = "";
    public string? ExternalFqdn { get; set; }
    public string? PublicIp { get; set; }
    public string? DockerVersion { get; set; }
    public int? Cpu { get; set; }
    public long? Memory { get; set; }
    public long? Disk { get; set; }
    public int CurrentNumContainers { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public IReadOnlyList<string> Tags { get; set; } = [];
    public DateTimeOffset CreatedDatetime { get; init; }
    public DateTimeOffset? DeployedDatetime { get; set; }
    public DateTimeOffset? DestroyedDatetime { get; set; }
    /// <summary>The provider's own id for the machine (instance id, droplet id, process id...).</summary>
    public string? ProviderId { get; set; }
    /// <summary>Why the node is not Deployed, when something went wrong (creation failed, agent silent).</summary>
    public string? LastError { get; set; }
    /// <summary>The orchestration waiting for this node's agent to register, if any.</summary>
    public string? RegistrationWaiter { get; set; }
    /// <summary>Which registration token version the node accepts; bumping it revokes the old token.</summary>
    public int CredentialVersion { get; set; } = 1;
    public bool Registered { get; set; }
    /// <summary>The operation in flight on the node itself (the terminate of a host of one's own); a cluster's node has its cluster's.</summary>
    public Guid? ActiveAction { get; set; }
    /// <summary>The hash of the key of the host that registered as this node: its retries get the node again.</summary>
    public string? HostKeyHash { get; set; }
    public string? Version { get; set; }

    public void MoveTo(NodeState next) => State = NodeStates.Machine.Move("node", State, next);

    public void Restore(NodeState state) => State = state;

    public bool IsLive => NodeStates.IsLive(State);
}
