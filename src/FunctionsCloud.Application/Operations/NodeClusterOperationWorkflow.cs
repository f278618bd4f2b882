using FunctionsCloud.Domain.Identifiers;
using Microsoft.DurableTask;

namespace FunctionsCloud.Application.Operations;

/// <summary>
/// The one orchestration behind deploy, scale and terminate: it brings the cluster's live nodes to the
/// target. New nodes are created in parallel batches, then awaited as their agents register (external
/// events with a timeout); nodes that fail or stay silent are marked and the rest carry on. A cancel stops it
/// between steps or cuts a wait short; the nodes made so far stay, and Complete settles the cluster either way.
/// Deterministic: only the context's clock and ids, all I/O in activities.
/// </summary>
public static class NodeClusterOperationWorkflow
{
    private static readonly TaskOptions Retry = OperationRetries.Step;

    public static async Task<string> RunAsync(TaskOrchestrationContext context, ClusterOperationInput input)
    {
        var cancellation = OperationCancellation.Listen(context);
        try
        {
            await PredecessorWait.ForAsync(context, input.Namespace, input.Predecessor, input.ActionUuid);
            var plan = await context.CallActivityAsync<ClusterOperationPlan>(ClusterOperationNames.Begin, input, Retry);
            var missing = input.Kind is ClusterOperationKind.Deploy or ClusterOperationKind.Scale
                ? plan.TargetNumNodes - plan.LiveNodes.Count
                : 0;
            if (missing > 0 && !cancellation.IsRequested)
                await AddNodesAsync(context, input, plan, missing, cancellation);
            var leaving = Leaving(input, plan, missing);
            if (leaving.Count > 0 && !cancellation.IsRequested)
                await InBatchesAsync<NodeOutcome>(context, ClusterOperationNames.TerminateNodes, input, leaving, plan.BatchSize);
            return await CompleteAsync(context, input, cancellation, null);
        }
        catch (TaskFailedException failure)
        {
            return await CompleteAsync(context, input, cancellation, failure.FailureDetails.ErrorMessage);
        }
    }

    private static async Task<string> CompleteAsync(TaskOrchestrationContext context, ClusterOperationInput input, OperationCancellation cancellation, string? failure)
    {
        var state = await context.CallActivityAsync<string>(ClusterOperationNames.Complete, new CompletionInput(input, failure), OperationRetries.Settle);
        cancellation.TellSuccessor();
        return state;
    }

    private static IReadOnlyList<Guid> Leaving(ClusterOperationInput input, ClusterOperationPlan plan, int missing) => input.Kind switch
    {
        ClusterOperationKind.Terminate => plan.LiveNodes.Select(n => n.Uuid).ToList(),
        ClusterOperationKind.TerminateNode => plan.LiveNodes.Where(n => n.Uuid == input.NodeUuid).Select(n => n.Uuid).ToList(),
        _ when missing < 0 => ScaleDownSelection.Choose(plan.LiveNodes, -missing),
        _ => [],
    };

    /// <summary>Creates the missing nodes and waits for their agents; canceled, it leaves the nodes it made to register in their own time.</summary>
    private static async Task AddNodesAsync(
        TaskOrchestrationContext context, ClusterOperationInput input, ClusterOperationPlan plan, int count, OperationCancellation cancellation)
    {
        var uuids = Enumerable.Range(0, count).Select(_ => Uuid4.From(context.NewGuid())).ToList();
        var deadline = context.CurrentUtcDateTime.AddSeconds(plan.RegistrationTimeoutSeconds);
        var outcomes = await InBatchesAsync<NodeOutcome>(context, ClusterOperationNames.CreateNodes, input, uuids, plan.BatchSize);
        var created = await ProvisionedAsync(
            context, input, plan, outcomes.Where(o => o.Succeeded).Select(o => o.NodeUuid).ToList(), deadline, cancellation);
        if (cancellation.IsRequested)
            return;

        var timeout = Max(deadline - context.CurrentUtcDateTime, TimeSpan.FromSeconds(1));
        var registrations = Task.WhenAll(created.Select(uuid => RegisteredWithinAsync(context, uuid, timeout)));
        if (await cancellation.IsCanceledBeforeAsync(registrations))
            return;
        var registered = await registrations;
        var silent = created.Where((_, i) => !registered[i]).ToList();
        var reason = $"The node's agent did not register within {plan.RegistrationTimeoutSeconds} s.";
        if (created.Count > 0)
        {
            await context.CallActivityAsync(ClusterOperationNames.RecordRegistrations,
                new RegistrationResults(input, created.Where((_, i) => registered[i]).ToList(), silent, reason), Retry);
        }
    }

    /// <summary>
    /// Waits, with a durable timer between looks, while the provider is still making machines (an Azure
    /// deployment, a droplet booting); failed ones drop out. What is still pending at the deadline is
    /// left to the registration wait, which then times out on it.
    /// </summary>
    private static async Task<List<Guid>> ProvisionedAsync(TaskOrchestrationContext context, ClusterOperationInput input,
        ClusterOperationPlan plan, List<Guid> created, DateTime deadline, OperationCancellation cancellation)
    {
        var made = new List<Guid>();
        var pending = created;
        while (pending.Count > 0)
        {
            // Reading is cheap for providers (one filtered list): one call covers every pending node.
            var statuses = await InBatchesAsync<NodeProvisioningOutcome>(context, ClusterOperationNames.DescribeNodes, input, pending, DescribeBatchSize);
            made.AddRange(statuses.Where(s => s.State == ProvisioningOutcome.Running).Select(s => s.NodeUuid));
            pending = statuses.Where(s => s.State == ProvisioningOutcome.Pending).Select(s => s.NodeUuid).ToList();
            if (pending.Count == 0 || context.CurrentUtcDateTime >= deadline
                || await cancellation.IsCanceledWithinAsync(TimeSpan.FromSeconds(plan.ProvisioningPollSeconds)))
                break;
        }

        return [.. made, .. pending];
    }

    private const int DescribeBatchSize = 1000;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task<bool> RegisteredWithinAsync(TaskOrchestrationContext context, Guid nodeUuid, TimeSpan timeout)
    {
        try
        {
            await context.WaitForExternalEvent<string?>(ClusterOperationNames.AgentRegistered(nodeUuid), timeout);
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<IReadOnlyList<T>> InBatchesAsync<T>(
        TaskOrchestrationContext context, string activity, ClusterOperationInput input, IReadOnlyList<Guid> nodes, int batchSize)
    {
        var batches = nodes.Chunk(Math.Max(1, batchSize))
            .Select(batch => context.CallActivityAsync<T[]>(activity, new NodeBatchInput(input, batch), Retry));
        return (await Task.WhenAll(batches)).SelectMany(outcomes => outcomes).ToList();
    }
}
