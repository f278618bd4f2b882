using System.Text.Json;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.NodeClusters;

public sealed record NodeClusterResource(
    Guid Uuid,
    string ResourceUri,
    string Name,
    string Nickname,
    string State,
    string Provider,
    string NodeType,
    string Region,
    int Disk,
    IReadOnlyList<string> Nodes,
    int TargetNumNodes,
    int CurrentNumNodes,
    IReadOnlyList<TagResource> Tags,
    JsonElement? ProviderOptions,
    DateTimeOffset? DeployedDatetime,
    DateTimeOffset? DestroyedDatetime,
    string? CurrentAction,
    int MaxNumNodes)
{
    /// <param name="maxNodes">The most nodes a cluster may have here (the setting), so that clients offer no more.</param>
    public static NodeClusterResource From(NodeCluster cluster, IReadOnlyList<Node> nodes, int maxNodes)
    {
        var live = nodes.Where(n => n.IsLive).ToList();
        return new NodeClusterResource(
            cluster.Uuid, Uris.NodeCluster(cluster.Uuid), cluster.Name, cluster.Nickname, ApiNames.Of(cluster.State),
            Uris.Provider(cluster.Provider), Uris.NodeType(cluster.Provider, cluster.NodeType), Uris.Region(cluster.Provider, cluster.Region),
            cluster.Disk, live.Select(n => Uris.Node(n.Uuid)).ToList(), cluster.TargetNumNodes, live.Count,
            TagResource.From(cluster.Tags),
            cluster.ProviderOptions is null ? null : JsonDocument.Parse(cluster.ProviderOptions).RootElement.Clone(),
            cluster.DeployedDatetime, cluster.DestroyedDatetime,
            cluster.ActiveAction is { } action ? Uris.Action(action) : null, maxNodes);
    }
}
