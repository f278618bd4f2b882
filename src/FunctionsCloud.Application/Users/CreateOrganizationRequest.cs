namespace FunctionsCloud.Application.Users;

/// <param name="Name">A name, which is also the organization's namespace: unique among users and organizations.</param>
/// <param name="Owners">User names of its first admins: the members of its team "owners", role admin.</param>
public sealed record CreateOrganizationRequest(string? Name, IReadOnlyList<string>? Owners);
