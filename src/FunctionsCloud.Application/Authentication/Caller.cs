using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Application.Authentication;

/// <summary>Who is calling, and the namespace whose objects they may see. Nothing outside it exists for them.</summary>
/// <param name="Role">What the caller's key may do in the namespace.</param>
/// <param name="KeyLabel">The label of the key the caller used; null when the caller used none (the system, a trigger).</param>
public sealed record Caller(string User, string Namespace, bool IsAdmin, Role Role = Role.Admin, string? KeyLabel = null);
