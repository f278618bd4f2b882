using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;

namespace FunctionsCloud.Application.Stacks.Operations;

/// <summary>
/// What each live service of a stack does in a stack operation, in link order: start and redeploy run linked services
/// first, stop and terminate last. A redeploy starts services that joined by an update and terminates those leaving.
/// </summary>
public static class StackPlanner
{
    public static StackPlan Plan(StackOperationKind kind, IReadOnlyList<Service> members)
    {
        var byUuid = members.ToDictionary(s => s.Uuid);
        var links = members.ToDictionary(
            s => s.Name,
            s => (IReadOnlyList<string>)s.LinkedToService.Select(l => byUuid.GetValueOrDefault(l.ToService)?.Name).OfType<string>().ToList(),
            StringComparer.OrdinalIgnoreCase);
        var levels = StackOrder.Levels(links).Levels ?? [members.Select(s => s.Name).ToList()];
        if (kind is StackOperationKind.Stop or StackOperationKind.Terminate)
            levels = levels.Reverse().ToList();
        var byName = members.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        return new StackPlan(levels
            .Select(level => (IReadOnlyList<StackStep>)level.Select(name => byName[name]).Select(s => new StackStep(s.Uuid, s.Name, StepKind(kind, s))).ToList())
            .ToList());
    }

    private static ServiceOperationKind StepKind(StackOperationKind kind, Service service) => kind switch
    {
        _ when service.LeavingStack => kind == StackOperationKind.Redeploy || kind == StackOperationKind.Terminate ? ServiceOperationKind.Terminate : ServiceOperationKind.Stop,
        StackOperationKind.Start => ServiceOperationKind.Start,
        StackOperationKind.Stop => ServiceOperationKind.Stop,
        StackOperationKind.Terminate => ServiceOperationKind.Terminate,
        _ when service.State is ServiceState.NotRunning or ServiceState.Stopped => ServiceOperationKind.Start,
        _ => ServiceOperationKind.Redeploy,
    };
}
