using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.Nodes;

public sealed record PatchNodeRequest(string? Nickname, IReadOnlyList<TagResource>? Tags);
