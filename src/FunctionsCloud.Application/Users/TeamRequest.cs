namespace FunctionsCloud.Application.Users;

/// <summary>A team to make (every field but members required) or a change to one (only the fields given change).</summary>
/// <param name="Role">read-only, operator or admin: what the members may do in the organization's namespace.</param>
/// <param name="Members">User names; a change replaces the whole list.</param>
public sealed record TeamRequest(string? Name, string? Role, IReadOnlyList<string>? Members);
