using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client.Requests;

/// <param name="ExpiresIn">Seconds; null takes the API's default (an hour).</param>
public sealed record CreateRegistrationTokenRequest(int? Uses = null, int? ExpiresIn = null, IReadOnlyList<Tag>? Tags = null);
