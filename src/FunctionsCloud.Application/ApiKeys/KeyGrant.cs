using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Application.ApiKeys;

/// <summary>A key to be made, once who may have it has been decided.</summary>
/// <param name="IsInstallationAdmin">Whether the key acts as an administrator of the installation.</param>
/// <param name="ExpiresAt">Null: the key does not expire.</param>
public sealed record KeyGrant(string User, string Namespace, string Label, Role Role, bool IsInstallationAdmin, DateTimeOffset? ExpiresAt = null);
