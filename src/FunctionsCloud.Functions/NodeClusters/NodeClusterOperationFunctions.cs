using FunctionsCloud.Application.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsCloud.Functions.NodeClusters;

/// <summary>The orchestrator and activities of node cluster operations (deploy, scale, terminate).</summary>
public sealed class NodeClusterOperationFunctions(NodeClusterOperationActivities activities)
{
    [Function(ClusterOperationNames.Orchestrator)]
    public static Task<string> RunOperation([OrchestrationTrigger] TaskOrchestrationContext context) =>
        NodeClusterOperationWorkflow.RunAsync(context, context.GetInput<ClusterOperationInput>()!);

    [Function(ClusterOperationNames.Begin)]
    public Task<ClusterOperationPlan> Begin([ActivityTrigger] ClusterOperationInput input) => activities.BeginAsync(input);

    [Function(ClusterOperationNames.CreateNodes)]
    public Task<NodeOutcome[]> CreateNodes([ActivityTrigger] NodeBatchInput input) => activities.CreateNodesAsync(input);

    [Function(ClusterOperationNames.DescribeNodes)]
    public Task<NodeProvisioningOutcome[]> DescribeNodes([ActivityTrigger] NodeBatchInput input) => activities.DescribeNodesAsync(input);

    [Function(ClusterOperationNames.RecordRegistrations)]
    public Task RecordRegistrations([ActivityTrigger] RegistrationResults input) => activities.RecordRegistrationsAsync(input);

    [Function(ClusterOperationNames.TerminateNodes)]
    public Task<NodeOutcome[]> TerminateNodes([ActivityTrigger] NodeBatchInput input) => activities.TerminateNodesAsync(input);

    [Function(ClusterOperationNames.Complete)]
    public Task<string> Complete([ActivityTrigger] CompletionInput input) => activities.CompleteAsync(input);
}
