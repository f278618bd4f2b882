using FunctionsCloud.Application.Operations;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Operations;

/// <summary>The activity a terminate that took its object over asks until the operation it took over has ended.</summary>
public sealed class OperationTakeoverFunctions(OperationTakeover takeover)
{
    [Function(PredecessorWait.HasEnded)]
    public Task<bool> HasEnded([ActivityTrigger] PredecessorQuery query) => takeover.HasEndedAsync(query);
}
