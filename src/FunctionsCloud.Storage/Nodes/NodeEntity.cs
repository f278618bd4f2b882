using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Nodes;

/// <summary>
/// A node's row: PartitionKey = namespace, RowKey = uuid, State by wire name. LastSeen and the inventory are
/// those of registration (and of the last return from Unreachable); heartbeats write the liveness table.
/// The liveness monitor writes State and LastError alone through <see cref="NodeStateEntity"/>.
/// </summary>
internal sealed class NodeEntity : OperatedRow<NodeEntity, Node, NodeState>, IStoredEntity<NodeEntity, Node>
{
    public static string Resource => "node";

    /// <summary>The cluster's uuid ("D"); none for nodes brought by their owners.</summary>
    public string? NodeCluster { get; set; }
    public string Provider { get; set; } = "";
    public string Region { get; set; } = "";
    public string NodeType { get; set; } = "";
    public string? AvailabilityZone { get; set; }
    public string Nickname { get; set; } = "";
    public string? ExternalFqdn { get; set; }
    public string? PublicIp { get; set; }
    public string? DockerVersion { get; set; }
    public int? Cpu { get; set; }
    public long? Memory { get; set; }
    public long? Disk { get; set; }
    public int CurrentNumContainers { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public string Tags { get; set; } = "[]";
    public string? ProviderId { get; set; }
    public string? LastError { get; set; }
    public string? RegistrationWaiter { get; set; }
    public int CredentialVersion { get; set; }
    public bool Registered { get; set; }
    public string? HostKeyHash { get; set; }

    public static NodeEntity From(Node node) => new NodeEntity
    {
        NodeCluster = StoredValues.Of(node.NodeCluster),
        Provider = node.Provider,
        Region = node.Region,
        NodeType = node.NodeType,
        AvailabilityZone = node.AvailabilityZone,
        Nickname = node.Nickname,
        ExternalFqdn = node.ExternalFqdn,
        PublicIp = node.PublicIp,
        DockerVersion = node.DockerVersion,
        Cpu = node.Cpu,
        Memory = node.Memory,
        Disk = node.Disk,
        CurrentNumContainers = node.CurrentNumContainers,
        LastSeen = node.LastSeen,
        Tags = StoredValues.Of(node.Tags),
        ProviderId = node.ProviderId,
        LastError = node.LastError,
        RegistrationWaiter = node.RegistrationWaiter,
        CredentialVersion = node.CredentialVersion,
        Registered = node.Registered,
        HostKeyHash = node.HostKeyHash,
    }.WithLifecycleOf(node);

    public Node ToDomain() => Restored(new Node
    {
        Uuid = StoredUuid(),
        Namespace = PartitionKey,
        CreatedDatetime = StoredCreated(),
        NodeCluster = StoredValues.GuidOrNull(NodeCluster),
        Provider = Provider,
        Region = Region,
        NodeType = NodeType,
        AvailabilityZone = AvailabilityZone,
        Nickname = Nickname,
        ExternalFqdn = ExternalFqdn,
        PublicIp = PublicIp,
        DockerVersion = DockerVersion,
        Cpu = Cpu,
        Memory = Memory,
        Disk = Disk,
        CurrentNumContainers = CurrentNumContainers,
        LastSeen = LastSeen,
        Tags = StoredValues.Tags(Tags),
        ProviderId = ProviderId,
        LastError = LastError,
        RegistrationWaiter = RegistrationWaiter,
        CredentialVersion = CredentialVersion,
        Registered = Registered,
        HostKeyHash = HostKeyHash,
    });

    public static ChangeSubject? ChangeOf(Node node) => ChangeSubjects.Of(node);
}
