namespace FunctionsCloud.Agent.Inventory;

/// <summary>Asks the local Docker engine for its version.</summary>
public interface IDockerVersionProbe
{
    /// <summary>The engine's version, or null when no engine answers. Never throws for an absent engine.</summary>
    Task<string?> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>As <see cref="GetVersionAsync"/>, but asks the engine now (after it was upgraded) and keeps the answer for the next heartbeats.</summary>
    Task<string?> AskNowAsync(CancellationToken cancellationToken);
}
