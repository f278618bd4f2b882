using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Liveness;
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
    /// <param name="liveness">
    /// The node's heartbeats as the liveness table holds them (last_seen, inventory); without it, what the
    /// Nodes table got at registration.
    /// </param>
    public static NodeResource From(Node node, NodeLiveness? liveness = null)
    {
        var inventory = liveness?.Inventory;
        return new(
            node.Uuid, Uris.Node(node.Uuid), node.ExternalFqdn, node.Nickname, ApiNames.Of(node.State),
            node.NodeCluster is { } cluster ? Uris.NodeCluster(cluster) : null,
            Uris.Provider(node.Provider), Uris.NodeType(node.Provider, node.NodeType), Uris.Region(node.Provider, node.Region),
            node.AvailabilityZone, inventory?.DockerVersion ?? node.DockerVersion,
            inventory?.Cpu ?? node.Cpu, inventory?.MemoryMb ?? node.Memory, inventory?.DiskGb ?? node.Disk, node.CurrentNumContainers,
            Latest(liveness?.LastSeen, node.LastSeen), node.PublicIp, TagResource.From(node.Tags), node.DeployedDatetime, node.DestroyedDatetime, node.LastError);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a > b || b is null ? a : b;
}
