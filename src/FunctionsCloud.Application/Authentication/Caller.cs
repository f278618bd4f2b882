using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Application.Authentication;

/// <summary>Who is calling, and the namespace whose objects they may see. Nothing outside it exists for them.</summary>
/// <param name="Role">What the caller's key may do in the namespace.</param>
/// <param name="KeyLabel">The label of the key the caller used; null when the caller used none (the system, a trigger).</param>
/// <param name="KeyExpiresAt">When the key the caller used expires (null: never, or no key): a key it makes expires no later.</param>
/// <remarks>The role has no default: a caller made without one must not get every right (fail closed).</remarks>
public sealed record Caller(string User, string Namespace, bool IsInstallationAdmin, Role Role, string? KeyLabel = null, DateTimeOffset? KeyExpiresAt = null);
