using FunctionsCloud.Application.Logs;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Logs;

/// <summary>Hourly, log segments past their retention are deleted (unless the storage account's lifecycle rule does it).</summary>
public sealed class LogRetentionSweepFunction(LogRetentionSweep sweep)
{
    [Function("LogRetentionSweep")]
    public Task Run([TimerTrigger("0 23 * * * *")] TimerInfo timer, FunctionContext context) => sweep.SweepAsync(context.CancellationToken);
}
