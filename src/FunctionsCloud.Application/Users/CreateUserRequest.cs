using System.Text.Json.Serialization;

namespace FunctionsCloud.Application.Users;

/// <param name="Username">A name, which is also the user's own namespace: unique among users and organizations, for good.</param>
/// <param name="IsInstallationAdmin">Whether the user administers the installation: makes and removes users and organizations.</param>
public sealed record CreateUserRequest(string? Username, string? Email, [property: JsonPropertyName("is_admin")] bool? IsInstallationAdmin, string? FullName = null);
