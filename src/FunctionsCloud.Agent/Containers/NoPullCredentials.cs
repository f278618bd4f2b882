using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>Every image pulled without credentials.</summary>
public sealed class NoPullCredentials : IPullCredentials
{
    public static readonly NoPullCredentials Instance = new();

    public Task<RegistryCredential?> ForAsync(string image, CancellationToken cancellationToken) => Task.FromResult<RegistryCredential?>(null);
}
