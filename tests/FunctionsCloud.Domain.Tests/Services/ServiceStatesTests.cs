using FunctionsCloud.Domain.Services;
using static FunctionsCloud.Domain.Services.ServiceState;

namespace FunctionsCloud.Domain.Tests.Services;

public class ServiceStatesTests
{
    [Theory]
    [InlineData(3, 3, false, Running)]
    [InlineData(3, 4, false, Running)] // a scale-down whose surplus is still going
    [InlineData(3, 2, false, PartlyRunning)]
    [InlineData(3, 0, false, NotRunning)]
    [InlineData(0, 0, false, Running)] // scaled to zero: nothing is missing
    [InlineData(3, 0, true, Stopped)]
    [InlineData(0, 0, true, Stopped)]
    [InlineData(3, 1, true, PartlyRunning)] // a stop that did not reach every container
    [InlineData(3, 3, true, PartlyRunning)]
    public void Settled_follows_the_running_containers_and_whether_they_were_stopped_on_purpose(
        int target, int running, bool stoppedOnPurpose, ServiceState expected) =>
        Assert.Equal(expected, ServiceStates.Settled(target, running, stoppedOnPurpose));

    public static TheoryData<ServiceState> BusyStates() => [Starting, Scaling, Redeploying];

    [Theory]
    [MemberData(nameof(BusyStates))]
    public void Every_state_an_operation_settles_in_is_reachable_from_its_busy_state(ServiceState busy)
    {
        var settled = new[] { Running, PartlyRunning, NotRunning, Stopped };

        Assert.All(settled, state => Assert.True(ServiceStates.Machine.CanMove(busy, state), $"{busy} -> {state}"));
    }

    [Fact]
    public void A_stop_settles_Stopped_or_Partly_running()
    {
        Assert.True(ServiceStates.Machine.CanMove(Stopping, ServiceStates.Settled(2, 0, stoppedOnPurpose: true)));
        Assert.True(ServiceStates.Machine.CanMove(Stopping, ServiceStates.Settled(2, 1, stoppedOnPurpose: true)));
    }

    [Fact]
    public void Only_the_operations_own_states_are_busy_and_only_terminating_ones_end_life()
    {
        var all = Enum.GetValues<ServiceState>();

        Assert.Equal([Starting, Scaling, Redeploying, Stopping, Terminating], all.Where(ServiceStates.IsBusy));
        Assert.Equal([Terminating, Terminated], all.Where(s => !ServiceStates.IsLive(s)));
    }

    [Theory]
    [InlineData(Running, false, 3, 2, PartlyRunning)] // one exited since the service settled
    [InlineData(PartlyRunning, false, 3, 3, Running)] // the engine restarted it
    [InlineData(Running, false, 1, 0, NotRunning)]
    [InlineData(Running, true, 3, 0, Running)] // an operation in flight says what it does
    [InlineData(Stopped, false, 3, 0, Stopped)]
    [InlineData(Scaling, false, 3, 1, Scaling)]
    [InlineData(Running, false, 0, 0, Running)] // scaled to nothing
    public void Between_operations_a_running_service_follows_its_containers(ServiceState stored, bool busy, int target, int running, ServiceState seen) =>
        Assert.Equal(seen, ServiceStates.AsSeen(stored, busy, target, running));
}
