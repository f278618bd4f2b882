using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client.Requests;

/// <summary>Region and node type are the catalog's resource URIs.</summary>
public sealed record CreateNodeClusterRequest(string Name, int TargetNumNodes, string Region, string NodeType, IReadOnlyList<Tag>? Tags = null);

public sealed record ScaleNodeClusterRequest(int TargetNumNodes);
