using System.Text.Json.Serialization;

namespace FunctionsCloud.Client.Requests;

/// <param name="Role">read-only, operator or admin; null: the most the caller may give (their own role there).</param>
/// <param name="ExpiresIn">Seconds; null: the key does not expire.</param>
/// <param name="Namespace">Null: the namespace of the key making it; else another the user has a role in (an organization's).</param>
public sealed record CreateApiKeyRequest(string Label, string? Role = null, int? ExpiresIn = null, string? Namespace = null);

public sealed record CreateUserRequest(string Username, string? Email = null, [property: JsonPropertyName("is_admin")] bool? IsInstallationAdmin = null, string? FullName = null);

/// <summary>A change to a user: null fields stay as they are, an empty text clears it; <see cref="IsInstallationAdmin"/> and <see cref="IsActive"/> need an administrator of the installation.</summary>
public sealed record PatchUserRequest(string? Email = null, string? FullName = null, [property: JsonPropertyName("is_admin")] bool? IsInstallationAdmin = null, bool? IsActive = null);

/// <param name="Owners">User names of its first admins (its team "owners").</param>
public sealed record CreateOrganizationRequest(string Name, IReadOnlyList<string> Owners);

/// <summary>A team to make, or a change to one: null fields stay as they are; <see cref="Members"/> replaces the list.</summary>
public sealed record TeamRequest(string? Name = null, string? Role = null, IReadOnlyList<string>? Members = null);
