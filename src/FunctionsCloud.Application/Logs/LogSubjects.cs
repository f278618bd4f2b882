using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;

namespace FunctionsCloud.Application.Logs;

/// <summary>Finds the containers whose logs a caller asks for, in the caller's namespace only (another's is a 404, as everywhere).</summary>
public sealed class LogSubjects(IContainerStore containers, IServiceStore services)
{
    public async Task<LogSubject> ContainerAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var container = await containers.GetAsync(caller.Namespace, uuid, cancellationToken)
            ?? throw new ResourceNotFoundException("container", uuid.ToString());
        IReadOnlyList<LogSource> sources = [SourceOf(container)];
        return new LogSubject(container.Name, sources, NamesContainers: false, _ => Task.FromResult(sources));
    }

    /// <summary>Every container the service had (Terminated ones' logs are kept until retention); following looks at its live ones.</summary>
    public async Task<LogSubject> ServiceAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var service = await services.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw new ResourceNotFoundException("service", uuid.ToString());
        var all = await containers.ListByServiceAsync(caller.Namespace, uuid, cancellationToken);
        return new LogSubject(service.Name, [.. all.Select(SourceOf)], NamesContainers: true, async token =>
            [.. (await containers.ListByServiceAsync(caller.Namespace, uuid, token)).Where(c => c.IsLive).Select(SourceOf)]);
    }

    private static LogSource SourceOf(Container container) => new(container.NodeUuid, container.Uuid, container.Name, container.DestroyedDatetime);
}
