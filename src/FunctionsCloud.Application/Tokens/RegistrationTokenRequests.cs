using FunctionsCloud.Application.Api;

namespace FunctionsCloud.Application.Tokens;

/// <param name="Uses">How many hosts may register with it (default 1).</param>
/// <param name="ExpiresIn">Seconds until it expires (default from settings, 1 hour).</param>
/// <param name="Tags">Tags for every node it registers, besides byon=true.</param>
public sealed record CreateRegistrationTokenRequest(int? Uses, int? ExpiresIn, IReadOnlyList<TagResource>? Tags);
