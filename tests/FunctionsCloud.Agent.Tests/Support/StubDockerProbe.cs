using FunctionsCloud.Agent.Inventory;

namespace FunctionsCloud.Agent.Tests.Support;

public sealed class StubDockerProbe(string? version) : IDockerVersionProbe
{
    public Task<string?> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult(version);

    public Task<string?> AskNowAsync(CancellationToken cancellationToken) => Task.FromResult(version);
}
