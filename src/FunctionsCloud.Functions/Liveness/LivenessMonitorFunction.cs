using FunctionsCloud.Application.Liveness;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Functions.Liveness;

/// <summary>The heartbeat monitor: every few seconds (app setting FunctionsCloud__MonitorSchedule), one tick of <see cref="LivenessMonitor"/>.</summary>
public sealed class LivenessMonitorFunction(LivenessMonitor monitor)
{
    [Function("LivenessMonitor")]
    public Task Run(
        [TimerTrigger("%FunctionsCloud__MonitorSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        monitor.TickAsync(context.CancellationToken, durable);
}
