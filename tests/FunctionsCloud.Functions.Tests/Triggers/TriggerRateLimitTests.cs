using System.Net;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Triggers;

/// <summary>A flood of calls on one trigger: the first N of the minute pass, the rest are 429s that change nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TriggerRateLimitTests : IAsyncLifetime
{
    private const int PerMinute = 3;
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() =>
        _app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?> { ["FunctionsCloud:TriggerCallsPerMinute"] = $"{PerMinute}" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_flood_of_calls_is_rate_limited_after_the_first_ones()
    {
        var given = new ServiceArrangements(_app);
        var triggers = new TriggerArrangements(_app);
        // A Not running service: each SCALEUP just raises its stored target (200), so every call that passes is seen.
        var web = await given.CreateAsync("web");
        var trigger = await triggers.CreateAsync(web, "SCALEUP");
        await ClockMinutes.StayWithinOneMinuteAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < PerMinute + 3; i++)
            answers.Add(await triggers.CallAsync(trigger));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, PerMinute).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), answers.Select(a => a.StatusCode));
        Assert.All(answers.Skip(PerMinute), a => Assert.True(a.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        Assert.Equal(1 + PerMinute, (await given.StoredAsync(web)).TargetNumContainers);
    }
}
