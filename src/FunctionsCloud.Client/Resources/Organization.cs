namespace FunctionsCloud.Client.Resources;

/// <summary>An organization: a namespace of its own, shared by its teams.</summary>
public sealed record Organization(string Name, string ResourceUri, DateTimeOffset CreatedDatetime, IReadOnlyList<Team> Teams);

/// <summary>A team of an organization: its role there (read-only, operator, admin) and its members' user names.</summary>
public sealed record Team(string Name, string ResourceUri, string Organization, string Role, IReadOnlyList<string> Members);
