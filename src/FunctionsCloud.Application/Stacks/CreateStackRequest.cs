using System.Text.Json;

namespace FunctionsCloud.Application.Stacks;

/// <summary>
/// POST /api/app/v1/stack/ as JSON: the stack's name and its services, each a service create body (links name
/// services of the stack). Services are read one by one, so that an unknown field is named with its service.
/// </summary>
public sealed record CreateStackRequest(string? Name, string? Nickname, IReadOnlyList<JsonElement>? Services);

/// <summary>PATCH: the stack's services as they should be (added, changed, or left out to be removed), and its nickname.</summary>
public sealed record PatchStackRequest(string? Nickname, IReadOnlyList<JsonElement>? Services);
