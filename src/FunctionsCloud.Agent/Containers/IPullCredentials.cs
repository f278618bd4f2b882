using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>Where the credentials for a private image come from: asked only when the image must be pulled, and kept only for that pull.</summary>
public interface IPullCredentials
{
    /// <summary>Null when none are registered (the image is pulled without).</summary>
    Task<RegistryCredential?> ForAsync(string image, CancellationToken cancellationToken);
}
