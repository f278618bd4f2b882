using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// The step of a service operation that writes the containers' desired state: each kind converges the stored
/// containers towards what it asks for (a retry finds its own writes and adds nothing), then bumps the
/// generations of the nodes whose desired containers changed, so their agents fetch them.
/// </summary>
public sealed class ServiceSteps(
    IServiceStore services,
    IContainerStore containers,
    ServiceNodes nodes,
    ContainerSpecBuilder specs,
    NodeGenerations generations,
    TimeProvider clock)
{
    public async Task<StepResult> ApplyAsync(ServiceStepInput step, CancellationToken cancellationToken = default)
    {
        var op = step.Operation;
        var service = await services.GetAsync(op.Namespace, op.ServiceUuid, cancellationToken)
            ?? throw new InvalidOperationException($"Service {op.ServiceUuid} is gone.");
        var run = new StepRun(op, service, await containers.ListByServiceAsync(op.Namespace, op.ServiceUuid, cancellationToken));
        await (op.Kind switch
        {
            ServiceOperationKind.Start => StartAllAsync(run, cancellationToken),
            ServiceOperationKind.Scale => ScaleAsync(run, cancellationToken),
            ServiceOperationKind.Stop => ChangeAsync(run, Wanted(run), ContainerIntents.Stop, cancellationToken),
            ServiceOperationKind.Redeploy or ServiceOperationKind.RedeployContainer => RedeployAsync(run, step.Redeploys, cancellationToken),
            ServiceOperationKind.Terminate => RemoveAsync(run, run.Live, cancellationToken),
            ServiceOperationKind.StartContainer => ChangeAsync(run, One(run), ContainerIntents.Start, cancellationToken),
            ServiceOperationKind.StopContainer => ChangeAsync(run, One(run), ContainerIntents.Stop, cancellationToken),
            ServiceOperationKind.TerminateContainer => TerminateOneAsync(run, cancellationToken),
            ServiceOperationKind.Reschedule => RescheduleAsync(run, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(step), op.Kind, "Unknown service operation."),
        });

        var after = await containers.ListByServiceAsync(op.Namespace, op.ServiceUuid, cancellationToken);
        var awaited = ServiceGoals.For(op, step.Redeploys, run.Before, after);
        // A retry finds its own writes in place and changes nothing: the nodes still to act on them are told
        // again, in case the try that wrote them failed before telling them.
        run.TouchedNodes.UnionWith(NodesStillToAct(awaited, after));
        foreach (var node in run.TouchedNodes)
            await BumpAsync(op.Namespace, node, cancellationToken);
        return new StepResult(awaited, run.Failures);
    }

    private static IEnumerable<Guid> NodesStillToAct(IReadOnlyList<AwaitedContainer> awaited, IReadOnlyList<Container> after)
    {
        var byUuid = after.ToDictionary(c => c.Uuid);
        return awaited.Select(a => (Awaited: a, Container: byUuid.GetValueOrDefault(a.Uuid)))
            .Where(p => p.Container is not null && !GoalCheck.IsReached(p.Awaited, p.Container))
            .Select(p => p.Container!.NodeUuid);
    }

    private async Task StartAllAsync(StepRun run, CancellationToken cancellationToken)
    {
        await ChangeAsync(run, Wanted(run), ContainerIntents.Start, cancellationToken);
        await FillAsync(run, cancellationToken);
    }

    private async Task ScaleAsync(StepRun run, CancellationToken cancellationToken)
    {
        var wanted = Wanted(run);
        var surplus = wanted.Count - run.Service.TargetNumContainers;
        if (run.Service.DeploymentStrategy != DeploymentStrategy.EveryNode && surplus > 0)
            await RemoveAsync(run, ScaleDownSelection.Choose(run.Service.DeploymentStrategy, wanted, surplus), cancellationToken);
        else
            await FillAsync(run, cancellationToken);
    }

    /// <summary>Places the containers the service lacks (EVERY_NODE: one per eligible node without one) and creates them.</summary>
    private async Task FillAsync(StepRun run, CancellationToken cancellationToken, Guid? avoid = null)
    {
        var service = run.Service;
        var everyNode = service.DeploymentStrategy == DeploymentStrategy.EveryNode;
        var missing = service.TargetNumContainers - Wanted(run).Count;
        if (!everyNode && missing <= 0)
            return;

        var namespaceLive = await containers.ListLiveAsync(run.Op.Namespace, cancellationToken);
        var view = (await nodes.PlacementViewAsync(run.Op.Namespace, service.Uuid, namespaceLive, cancellationToken)).Where(n => n.Uuid != avoid).ToList();
        IReadOnlyList<Guid> placed;
        try
        {
            placed = ContainerPlacement.Place(PlacementRequirements.Of(service), view, Math.Max(missing, 0));
        }
        catch (Exception unplaceable) when (unplaceable is NoEligibleNodeException or NoFreeHostPortException)
        {
            run.Failures.Add(unplaceable.Message);
            return;
        }

        var created = placed.Count == 0 ? [] : await CreateAsync(run, placed, namespaceLive, cancellationToken);
        if (everyNode)
            await SetTargetAsync(run, Wanted(run).Count + created.Count, cancellationToken);
    }

    private async Task<List<Container>> CreateAsync(StepRun run, IReadOnlyList<Guid> placed, IReadOnlyList<Container> namespaceLive, CancellationToken cancellationToken)
    {
        var numbers = ContainerNumbers.Free(run.Live, placed.Count);
        var spec = await specs.BuildAsync(run.Service, cancellationToken, namespaceLive);
        var created = placed.Select((node, i) => NewContainer(run, node, numbers[i], spec)).ToList();
        await containers.CreateManyAsync(created, cancellationToken);
        foreach (var container in created)
            run.TouchedNodes.Add(container.NodeUuid);
        return created;
    }

    private Container NewContainer(StepRun run, Guid node, int number, ContainerSpec spec) => new()
    {
        Uuid = ContainerNumbers.UuidFor(run.Op.ActionUuid, number),
        Namespace = run.Op.Namespace,
        ServiceUuid = run.Service.Uuid,
        ServiceName = run.Service.Name,
        Number = number,
        NodeUuid = node,
        Spec = spec,
        CreatedDatetime = clock.GetUtcNow(),
    };

    private async Task RedeployAsync(StepRun run, IReadOnlyList<RedeployTarget> targets, CancellationToken cancellationToken)
    {
        var spec = await specs.BuildAsync(run.Service, cancellationToken);
        // Asked for in the write that gave this operation its slot (reuse_volumes=false).
        var freshVolumes = run.Service.FreshVolumes && run.Service.ActiveAction == run.Op.ActionUuid;
        foreach (var target in targets)
        {
            if (run.Live.FirstOrDefault(c => c.Uuid == target.ContainerUuid) is { } container)
                await ChangeAsync(run, [container], c => ContainerIntents.Redeploy(c, target.Revision, spec, freshVolumes), cancellationToken);
        }
    }

    private async Task RemoveAsync(StepRun run, IReadOnlyList<Container> leaving, CancellationToken cancellationToken)
    {
        var hosts = await nodes.GetAsync(run.Op.Namespace, leaving.Select(c => c.NodeUuid), cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var container in leaving)
        {
            var canConfirm = ServiceNodes.CanConfirm(hosts.GetValueOrDefault(container.NodeUuid));
            await ChangeAsync(run, [container], c => ContainerIntents.Remove(c, canConfirm, now), cancellationToken);
        }
    }

    /// <summary>
    /// Docker Cloud lowers the service's target when one of its containers is terminated by hand: the request did,
    /// together with taking the operation's slot, so that no retry of this step lowers it twice. An EVERY_NODE
    /// service's target is the number of its containers.
    /// </summary>
    private async Task TerminateOneAsync(StepRun run, CancellationToken cancellationToken)
    {
        await RemoveAsync(run, One(run), cancellationToken);
        if (run.Service.DeploymentStrategy == DeploymentStrategy.EveryNode)
            await SetTargetAsync(run, Wanted(run).Count(c => c.Uuid != run.Op.ContainerUuid), cancellationToken);
    }

    /// <summary>The lost node's containers end Terminated; replacements (under the freed names) go to the other eligible nodes.</summary>
    private async Task RescheduleAsync(StepRun run, CancellationToken cancellationToken)
    {
        var stranded = run.Live.Where(c => c.NodeUuid == run.Op.NodeUuid).ToList();
        var now = clock.GetUtcNow();
        await ChangeAsync(run, stranded, c => ContainerIntents.Remove(c, nodeCanConfirm: false, now), cancellationToken);
        run.Live.RemoveAll(stranded.Contains);
        if (run.Service.DeploymentStrategy == DeploymentStrategy.EveryNode)
            await SetTargetAsync(run, Wanted(run).Count, cancellationToken);
        else
            await FillAsync(run, cancellationToken, avoid: run.Op.NodeUuid);
    }

    private async Task ChangeAsync(StepRun run, IReadOnlyList<Container> targets, Func<Container, bool> intent, CancellationToken cancellationToken)
    {
        foreach (var container in targets)
        {
            var changed = false;
            await containers.UpdateAsync(run.Op.Namespace, container.Uuid, c => changed = intent(c), cancellationToken);
            if (changed)
                run.TouchedNodes.Add(container.NodeUuid);
        }
    }

    private Task SetTargetAsync(StepRun run, int target, CancellationToken cancellationToken) =>
        services.UpdateAsync(run.Op.Namespace, run.Service.Uuid, s =>
        {
            if (s.TargetNumContainers == target)
                return false;
            s.TargetNumContainers = target;
            return true;
        }, cancellationToken);

    private async Task BumpAsync(string @namespace, Guid node, CancellationToken cancellationToken)
    {
        try
        {
            await generations.BumpAsync(@namespace, node, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            // The node is not watched (terminated): there is no agent to tell.
        }
    }

    /// <summary>The live containers that are not being removed: what the service has, as far as its target is concerned.</summary>
    private static List<Container> Wanted(StepRun run) => run.Live.Where(c => c.Desired != ContainerDesire.Removed).ToList();

    private static List<Container> One(StepRun run) => run.Live.Where(c => c.Uuid == run.Op.ContainerUuid).ToList();

    private sealed class StepRun(ServiceOperationInput op, Service service, IReadOnlyList<Container> before)
    {
        public ServiceOperationInput Op { get; } = op;
        public Service Service { get; } = service;
        public IReadOnlyList<Container> Before { get; } = before;
        public List<Container> Live { get; } = before.Where(c => c.IsLive).ToList();
        public HashSet<Guid> TouchedNodes { get; } = [];
        public List<string> Failures { get; } = [];
    }
}
