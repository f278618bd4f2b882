using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

public sealed class TimerFunctions(SampleSignals signals)
{
    [Function("Tick")]
    public void Tick([TimerTrigger("%Samples__TickSchedule%")] TimerInfo timer)
    {
        signals.TickInfos.Enqueue(timer);
        signals.Ticks.Release();
    }

    [Function("StartupTick")]
    public void StartupTick([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) => signals.StartupTicks.Release();
}
