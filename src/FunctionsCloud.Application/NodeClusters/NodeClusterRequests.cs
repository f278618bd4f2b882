using System.Text.Json;
using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.NodeClusters;

/// <summary>POST /api/infra/v1/nodecluster/ as Docker Cloud clients send it; region and node_type are catalog URIs.</summary>
public sealed record CreateNodeClusterRequest(
    string? Name,
    string? Nickname,
    int? TargetNumNodes,
    string? Region,
    string? NodeType,
    int? Disk,
    IReadOnlyList<TagResource>? Tags,
    JsonElement? ProviderOptions);

/// <summary>PATCH: each field present is changed; target_num_nodes on a deployed cluster scales it.</summary>
public sealed record PatchNodeClusterRequest(int? TargetNumNodes, string? Nickname, IReadOnlyList<TagResource>? Tags);
