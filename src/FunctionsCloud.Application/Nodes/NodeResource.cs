using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Nodes;

public sealed record NodeResource(
    Guid Uuid,
    string ResourceUri,
    string? ExternalFqdn,
    string Nickname,
    string State,
    string? NodeCluster,
    string Provider,
    string NodeType,
    string Region,
    string? AvailabilityZone,
    string? DockerVersion,
    int? Cpu,
    long? Memory,
    long? Disk,
    int CurrentNumContainers,
    DateTimeOffset? LastSeen,
    string? PublicIp,
    IReadOnlyList<TagResource> Tags,
    DateTimeOffset? DeployedDatetime,
    DateTimeOffset? DestroyedDatetime,
    string? LastError)
{
    public static NodeResource From(Node node) => new(
        node.Uuid, Uris.Node(node.Uuid), node.ExternalFqdn, node.Nickname, ApiNames.Of(node.State),
        node.NodeCluster is { } cluster ? Uris.NodeCluster(cluster) : null,
        Uris.Provider(node.Provider), Uris.NodeType(node.Provider, node.NodeType), Uris.Region(node.Provider, node.Region),
        node.AvailabilityZone, node.DockerVersion, node.Cpu, node.Memory, node.Disk, node.CurrentNumContainers,
        node.LastSeen, node.PublicIp, TagResource.From(node.Tags), node.DeployedDatetime, node.DestroyedDatetime, node.LastError);
}
