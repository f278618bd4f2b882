using System.Text.Json.Serialization;

namespace FunctionsCloud.Application.Users;

/// <summary>A change to a user: only the fields given change; an empty <c>email</c> or <c>full_name</c> clears it.</summary>
/// <param name="Username">Never changes (it is the user's namespace); given only to be refused when it differs.</param>
/// <param name="IsInstallationAdmin">Whether the user administers the installation; only an administrator of the installation changes it.</param>
/// <param name="IsActive">False suspends the user (their keys are refused, nothing is revoked); only an administrator changes it.</param>
public sealed record PatchUserRequest(string? Username, string? Email, string? FullName, [property: JsonPropertyName("is_admin")] bool? IsInstallationAdmin, bool? IsActive)
{
    public bool ChangesStanding => IsInstallationAdmin is not null || IsActive is not null;
}
