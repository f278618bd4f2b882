using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Containers;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

internal sealed class ContainerRows() : InMemoryStore<Container>("container"), IContainerStore
{
    public Task<IReadOnlyList<Container>> ListByServiceAsync(string @namespace, Guid serviceUuid, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, c => c.ServiceUuid == serviceUuid));

    public Task<IReadOnlyList<Container>> ListLiveByNodeAsync(string @namespace, Guid nodeUuid, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, c => c.NodeUuid == nodeUuid && c.State != ContainerState.Terminated));

    public Task<IReadOnlyList<Container>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, c => c.State != ContainerState.Terminated));

    /// <summary>As the table store: a container whose uuid is stored already is left as it is.</summary>
    public Task CreateManyAsync(IReadOnlyList<Container> containers, CancellationToken cancellationToken = default)
    {
        foreach (var container in containers.Where(c => !Contains(c)))
            Store(container);
        return Task.CompletedTask;
    }

    protected override (string Namespace, Guid Uuid) KeyOf(Container item) => (item.Namespace, item.Uuid);

    protected override string? VersionOf(Container item) => item.Version;

    protected override void SetVersion(Container item, string version) => item.Version = version;
}
