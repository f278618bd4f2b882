using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Liveness;
using Microsoft.Extensions.Time.Testing;

namespace FunctionsCloud.Application.Tests.Liveness;

public sealed class OwnStorageOutageTests
{
    private static readonly LivenessPolicy Policy = new(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(10));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-03T12:00:00Z"));

    [Fact]
    public void A_monitor_whose_storage_never_failed_judges()
    {
        var outage = new OwnStorageOutage(Policy, _clock);
        outage.Worked();

        Assert.True(outage.MayJudge(_clock.GetUtcNow()));
    }

    [Fact]
    public void While_storage_fails_it_judges_nobody()
    {
        var outage = new OwnStorageOutage(Policy, _clock);
        outage.Failed();
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(outage.MayJudge(_clock.GetUtcNow()));
    }

    [Fact]
    public void After_a_failure_it_judges_nobody_until_storage_has_worked_for_unreachable_after_counted_from_its_return()
    {
        var outage = new OwnStorageOutage(Policy, _clock);
        outage.Failed();
        _clock.Advance(TimeSpan.FromSeconds(60)); // longer than unreachable_after, but storage has not answered yet
        outage.Worked();
        var back = _clock.GetUtcNow();
        outage.Worked(); // later calls that work do not move the return

        Assert.False(outage.MayJudge(back.AddSeconds(44)));
        Assert.True(outage.MayJudge(back.AddSeconds(45)));
    }
}
