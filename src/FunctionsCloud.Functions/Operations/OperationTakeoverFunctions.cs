using FunctionsCloud.Application.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Operations;

/// <summary>The activities of a terminate that took its object over from an operation in flight (see <see cref="PredecessorWait"/>).</summary>
public sealed class OperationTakeoverFunctions(OperationTakeover takeover)
{
    [Function(PredecessorWait.Cancel)]
    public Task<bool> Cancel([ActivityTrigger] PredecessorQuery query, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        takeover.CancelAsync(query, durable, context.CancellationToken);

    [Function(PredecessorWait.HasEnded)]
    public Task<bool> HasEnded([ActivityTrigger] PredecessorQuery query) => takeover.HasEndedAsync(query);

    [Function(PredecessorWait.StopStuck)]
    public Task StopStuck([ActivityTrigger] PredecessorQuery query, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        takeover.StopStuckAsync(query, durable, context.CancellationToken);
}
