namespace FunctionsCloud.Storage.AgentBuilds;

/// <summary>The agent's self-contained builds that the install script downloads, one per platform, as .tar.gz.</summary>
public interface IAgentBuilds
{
    /// <summary>The build for the platform ("linux-x64", "linux-arm64"), or null when there is none.</summary>
    Task<Stream?> OpenAsync(string platform, CancellationToken cancellationToken);
}
