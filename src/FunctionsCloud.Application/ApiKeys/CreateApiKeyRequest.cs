namespace FunctionsCloud.Application.ApiKeys;

/// <param name="Label">How the key is known in lists and in the audit trail: a name, unique among the user's keys.</param>
/// <param name="Role">read-only, operator or admin; at most the caller's own (the default).</param>
/// <param name="ExpiresIn">Seconds until it expires; none: it does not.</param>
/// <param name="Namespace">The namespace the key acts in: the caller's key's (the default), or another the user has a role in.</param>
public sealed record CreateApiKeyRequest(string? Label, string? Role, int? ExpiresIn, string? Namespace = null);
