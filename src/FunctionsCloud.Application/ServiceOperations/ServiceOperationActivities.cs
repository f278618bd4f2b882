using System.Globalization;
using FunctionsCloud.Application.Actions;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>The activities of a service operation around its steps: Begin, Observe and Complete. Each is idempotent.</summary>
public sealed class ServiceOperationActivities(
    IServiceStore services,
    IContainerStore containers,
    ServiceNodes nodes,
    ServiceSteps steps,
    ActionJournal journal,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    public async Task<ServiceOperationPlan> BeginAsync(ServiceOperationInput op, CancellationToken cancellationToken = default)
    {
        var service = await LoadAsync(op, cancellationToken);
        var live = (await containers.ListByServiceAsync(op.Namespace, op.ServiceUuid, cancellationToken))
            .Where(c => c.IsLive && c.Desired != ContainerDesire.Removed).OrderBy(c => c.Number).ToList();
        var redeploys = op.Kind switch
        {
            ServiceOperationKind.Redeploy => live,
            ServiceOperationKind.RedeployContainer => live.Where(c => c.Uuid == op.ContainerUuid).ToList(),
            _ => [],
        };
        await journal.StartAsync(op.Namespace, op.ActionUuid, Describe(op, service, live.Count));
        return new ServiceOperationPlan(
            op.Kind == ServiceOperationKind.Redeploy && service.SequentialDeployment,
            redeploys.Select(c => new RedeployTarget(c.Uuid, c.Revision + 1)).ToList(),
            options.Value.ContainerPollSeconds,
            options.Value.ContainerTimeoutSeconds);
    }

    /// <summary>The step, and what it could not do at all (no eligible node) in the action's log.</summary>
    public async Task<StepResult> ApplyAsync(ServiceStepInput step, CancellationToken cancellationToken = default)
    {
        var result = await steps.ApplyAsync(step, cancellationToken);
        await journal.LogStepAsync(step.Operation.Namespace, step.Operation.ActionUuid, ActionSteps.Key(ServiceOperationNames.Apply, step), result.Failures);
        return result;
    }

    public async Task<Observation> ObserveAsync(ObserveInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var current = (await containers.ListByServiceAsync(op.Namespace, op.ServiceUuid, cancellationToken)).ToDictionary(c => c.Uuid);
        var hosts = await nodes.GetAsync(
            op.Namespace, input.Awaited.Select(a => current.GetValueOrDefault(a.Uuid)).OfType<Container>().Select(c => c.NodeUuid), cancellationToken);
        var pending = new List<AwaitedContainer>();
        var failures = new List<string>();
        foreach (var awaited in input.Awaited)
        {
            var container = current.GetValueOrDefault(awaited.Uuid);
            var verdict = GoalCheck.Judge(awaited, container, container is null ? null : hosts.GetValueOrDefault(container.NodeUuid));
            if (verdict is { Done: false, Failure: { } reason })
                failures.Add(GoalCheck.Describe(container, awaited, reason));
            else if (verdict is null && input.Final)
                failures.Add(GoalCheck.Describe(container, awaited,
                    $"not {awaited.Goal.ToString().ToLowerInvariant()} within {input.TimeoutSeconds} s (it is {ApiNames.Of(container!.State)})"));
            else if (verdict is null)
                pending.Add(awaited);
        }

        await journal.LogStepAsync(op.Namespace, op.ActionUuid, ActionSteps.Key(ServiceOperationNames.Observe, input), failures);
        return new Observation(pending, failures);
    }

    public async Task<string> CompleteAsync(ServiceCompletionInput input, CancellationToken cancellationToken = default)
    {
        var op = input.Operation;
        var all = await containers.ListByServiceAsync(op.Namespace, op.ServiceUuid, cancellationToken);
        var running = all.Count(c => c.State == ContainerState.Running);
        var service = await services.UpdateAsync(op.Namespace, op.ServiceUuid, s =>
        {
            if (s.ActiveAction != op.ActionUuid)
                return false; // completed by an earlier attempt of this activity
            Settle(s, op.Kind, running, all);
            s.ActiveAction = null;
            return true;
        }, cancellationToken) ?? throw new InvalidOperationException($"Service {op.ServiceUuid} is gone.");

        var succeeded = input.Error is null && input.Failures.Count == 0;
        var summary = $"The service is {ApiNames.Of(service.State)}: {running} of {service.TargetNumContainers} containers running.";
        await journal.FinishAsync(op.Namespace, op.ActionUuid, succeeded, input.Error is null ? summary : $"Failed: {input.Error} {summary}");
        return ApiNames.Of(service.State);
    }

    private void Settle(Service service, ServiceOperationKind kind, int running, IReadOnlyList<Container> all)
    {
        var now = clock.GetUtcNow();
        if (kind == ServiceOperationKind.Terminate)
        {
            Move(service, ServiceState.Terminated);
            service.DestroyedDatetime = now;
            return;
        }

        // A stop settles Stopped even when the service has no container left to stop; containers that failed to
        // start are not wanted either, but that leaves the service Not running, not Stopped.
        var live = all.Where(c => c.IsLive).ToList();
        var stoppedOnPurpose = kind == ServiceOperationKind.Stop
            || (kind == ServiceOperationKind.StopContainer && live.Count > 0 && live.All(c => c.Desired == ContainerDesire.Stopped));
        Move(service, ServiceStates.Settled(service.TargetNumContainers, running, stoppedOnPurpose));
        if (running > 0)
            service.DeployedDatetime ??= now;
    }

    /// <summary>Settles by the state machine where it can; container operations may leave the service in a state it never left.</summary>
    private static void Move(Service service, ServiceState settled)
    {
        if (settled == service.State)
            return;
        if (ServiceStates.Machine.CanMove(service.State, settled))
            service.MoveTo(settled);
        else
            service.Restore(settled);
    }

    private async Task<Service> LoadAsync(ServiceOperationInput op, CancellationToken cancellationToken)
    {
        var service = await services.GetAsync(op.Namespace, op.ServiceUuid, cancellationToken)
            ?? throw new InvalidOperationException($"Service {op.ServiceUuid} is gone.");
        return service.ActiveAction == op.ActionUuid
            ? service
            : throw new InvalidOperationException($"Service {service.Name} is not held by this operation (it holds {service.ActiveAction?.ToString() ?? "none"}).");
    }

    private static string Describe(ServiceOperationInput op, Service service, int live)
    {
        var count = live.ToString(CultureInfo.InvariantCulture);
        var what = op.Kind switch
        {
            ServiceOperationKind.Scale => $"Scaling service {service.Name} from {count} to {service.TargetNumContainers} containers ({ApiNames.Of(service.DeploymentStrategy)}).",
            ServiceOperationKind.Start => $"Starting service {service.Name}: {service.TargetNumContainers} containers of {service.ImageName}.",
            ServiceOperationKind.Redeploy => $"Redeploying the {count} containers of service {service.Name}{(service.SequentialDeployment ? " one at a time" : "")}.",
            ServiceOperationKind.Reschedule => $"Moving service {service.Name}'s containers off lost node {op.NodeUuid}.",
            _ when op.ContainerUuid is { } container => $"{ServiceOperationNames.ActionName(op.Kind)} of container {container} of service {service.Name}.",
            _ => $"{ServiceOperationNames.ActionName(op.Kind)} of service {service.Name} ({count} containers).",
        };
        return what;
    }
}
