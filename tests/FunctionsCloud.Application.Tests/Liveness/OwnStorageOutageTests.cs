using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Liveness;

namespace FunctionsCloud.Application.Tests.Liveness;

public sealed class OwnStorageOutageTests
{
    private static readonly LivenessPolicy Policy = new(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(10));

    [Fact]
    public void A_monitor_whose_storage_never_failed_judges()
    {
        Assert.True(new OwnStorageOutage(Policy, TimeProvider.System).MayJudge(DateTimeOffset.UtcNow));
    }

    [Fact]
    public void After_a_failure_it_judges_nobody_until_storage_has_worked_for_unreachable_after()
    {
        var outage = new OwnStorageOutage(Policy, TimeProvider.System);
        var before = DateTimeOffset.UtcNow;
        outage.Failed();
        var after = DateTimeOffset.UtcNow;

        Assert.False(outage.MayJudge(before.AddSeconds(44)));
        Assert.True(outage.MayJudge(after.AddSeconds(45)));
    }
}
