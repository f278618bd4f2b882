using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Services;

namespace FunctionsCloud.Application.Tests.ServiceOperations.Support;

internal sealed class ServiceRows() : InMemoryStore<Service>("service"), IServiceStore
{
    public Task<IReadOnlyList<Service>> ListLiveAsync(string @namespace, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, s => s.State != ServiceState.Terminated));

    public Task<IReadOnlyList<Service>> ListLiveNamedAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, s => s.State != ServiceState.Terminated && s.Name == name));

    public Task<IReadOnlyList<Service>> ListByStackAsync(string @namespace, Guid stackUuid, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(@namespace, s => s.StackUuid == stackUuid));

    public async Task CreateTogetherAsync(IReadOnlyList<Service> created, CancellationToken cancellationToken = default)
    {
        foreach (var service in created)
            await CreateAsync(service, cancellationToken);
    }

    protected override (string Namespace, Guid Uuid) KeyOf(Service item) => (item.Namespace, item.Uuid);

    protected override string? VersionOf(Service item) => item.Version;

    protected override void SetVersion(Service item, string version) => item.Version = version;
}
