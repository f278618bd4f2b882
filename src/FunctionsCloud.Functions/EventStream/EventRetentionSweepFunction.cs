using FunctionsCloud.Application.EventStream;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.EventStream;

/// <summary>Hourly, changes older than the event stream's retention are deleted from every namespace's change log.</summary>
public sealed class EventRetentionSweepFunction(EventRetentionSweep sweep)
{
    [Function("EventRetentionSweep")]
    public Task Run([TimerTrigger("0 41 * * * *")] TimerInfo timer, FunctionContext context) => sweep.SweepAsync(context.CancellationToken);
}
