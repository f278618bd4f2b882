using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.NodeClusters;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Storage.Querying;

namespace FunctionsCloud.Application.Commands;

/// <summary>Finds a command's object in the caller's namespace: its uuid as given, or the one live object of that name.</summary>
public sealed class CommandTargets(ServiceService services, NodeClusterService clusters)
{
    private const string Terminated = "Terminated";

    public async Task<Guid> ResolveAsync(Caller caller, Command command, CancellationToken cancellationToken)
    {
        if (command.Uuid is { } uuid)
            return uuid;
        var byName = new ListRequest(ListRequest.MaxLimit, 0, [new FieldFilter("name", FilterOperator.Equals, command.Name!)]);
        var live = command.Kind == CommandTargetKind.Service
            ? (await services.ListAsync(caller, byName, cancellationToken)).Items.Where(s => s.State != Terminated).Select(s => s.Uuid).ToList()
            : (await clusters.ListAsync(caller, byName, cancellationToken)).Items.Where(c => c.State != Terminated).Select(c => c.Uuid).ToList();
        return live.Count switch
        {
            1 => live[0],
            0 => throw new ResourceNotFoundException(command.Kind == CommandTargetKind.Service ? "service" : "node cluster", command.Name!),
            _ => throw new CommandRejectedException($"Several live objects are named '{command.Name}': name the one meant by its uuid."),
        };
    }
}
