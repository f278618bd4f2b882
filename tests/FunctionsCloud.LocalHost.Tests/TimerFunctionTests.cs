using FunctionsCloud.LocalHost.Tests.SampleFunctions;
using FunctionsCloud.Testing;

namespace FunctionsCloud.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TimerFunctionTests
{
    [Fact]
    public async Task Timer_every_second_fires_repeatedly_with_schedule_status()
    {
        var (host, signals) = await TestHosts.StartAsync(
            f => f.Name == "Tick", new Dictionary<string, string?> { ["Samples:TickSchedule"] = "*/1 * * * * *" });
        await using (host)
        {
            Assert.True(await signals.Ticks.WaitAsync(TestHosts.Deadline), "first tick");
            Assert.True(await signals.Ticks.WaitAsync(TestHosts.Deadline), "second tick");
        }

        var ticks = signals.TickInfos.ToArray();
        Assert.True(ticks[1].ScheduleStatus!.Last > DateTime.MinValue);
        Assert.All(ticks, t => Assert.True(t.ScheduleStatus!.Next > t.ScheduleStatus.Last));
        Assert.True(ticks[1].ScheduleStatus!.Last >= ticks[0].ScheduleStatus!.Last);
    }

    [Fact]
    public async Task Run_on_startup_fires_without_waiting_for_the_schedule()
    {
        var (host, signals) = await TestHosts.StartAsync(f => f.Name == "StartupTick");
        await using (host)
        {
            Assert.True(await signals.StartupTicks.WaitAsync(TestHosts.Deadline));
        }
    }
}
