using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Services;

namespace FunctionsCloud.Application.Commands;

/// <summary>Finds a command's object in the caller's namespace: its uuid as given, or the one live object of that name.</summary>
public sealed class CommandTargets(IServiceStore services, INodeClusterStore clusters)
{
    public async Task<Guid> ResolveAsync(Caller caller, Command command, CancellationToken cancellationToken)
    {
        if (command.Uuid is { } uuid)
            return uuid;
        var live = command.Kind == CommandTargetKind.Service
            ? (await services.ListLiveNamedAsync(caller.Namespace, command.Name!, cancellationToken)).Select(s => s.Uuid).ToList()
            : (await clusters.ListLiveNamedAsync(caller.Namespace, command.Name!, cancellationToken)).Select(c => c.Uuid).ToList();
        return live.Count switch
        {
            1 => live[0],
            0 => throw new ResourceNotFoundException(command.Kind == CommandTargetKind.Service ? "service" : "node cluster", command.Name!),
            _ => throw new CommandRejectedException($"Several live objects are named '{command.Name}': name the one meant by its uuid."),
        };
    }
}
