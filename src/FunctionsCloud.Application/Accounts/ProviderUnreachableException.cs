namespace FunctionsCloud.Application.Accounts;

/// <summary>
/// The provider could not judge the credentials: its API was unreachable, failing or too slow. Not the caller's fault
/// and not ours (a 502 naming the provider); nothing was linked, and the same request may succeed later.
/// </summary>
public sealed class ProviderUnreachableException(string provider, string problem, Exception? inner = null)
    : Exception($"The {provider} account could not be checked with {provider}: {problem} Nothing was linked; try again later.", inner);
