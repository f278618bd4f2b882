using FunctionsCloud.Application.Commands;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Commands;

/// <summary>Hourly, the command receipts older than <see cref="CommandReceiptSweeper.Retention"/> are removed.</summary>
public sealed class CommandReceiptSweepFunction(CommandReceiptSweeper sweeper)
{
    [Function("CommandReceiptSweep")]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, FunctionContext context) =>
        sweeper.SweepAsync(context.CancellationToken);
}
