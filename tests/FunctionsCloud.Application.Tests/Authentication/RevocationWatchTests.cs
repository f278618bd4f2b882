using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Storage.ApiKeys;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FunctionsCloud.Application.Tests.Authentication;

/// <summary>What revocation checks cost: one read of the shared generation per period, however many requests ask.</summary>
public sealed class RevocationWatchTests
{
    private readonly Mock<IApiKeyStore> _keys = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-03T12:00:00Z"));
    private string _generation = "";
    private readonly RevocationWatch _watch;

    public RevocationWatchTests()
    {
        _keys.Setup(k => k.RevocationGenerationAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => _generation);
        _watch = new RevocationWatch(_keys.Object, _clock);
    }

    [Fact]
    public async Task Requests_within_a_period_share_one_read()
    {
        var epochs = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _watch.EpochAsync(CancellationToken.None).AsTask()));
        _clock.Advance(RevocationWatch.CheckEvery - TimeSpan.FromMilliseconds(1));
        await _watch.EpochAsync(CancellationToken.None);

        Assert.Single(epochs.Distinct());
        _keys.Verify(k => k.RevocationGenerationAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_changed_generation_starts_a_new_epoch_at_the_next_read()
    {
        var before = await _watch.EpochAsync(CancellationToken.None);
        _generation = "revoked-once";

        var sameWhileFresh = await _watch.EpochAsync(CancellationToken.None);
        _clock.Advance(RevocationWatch.CheckEvery);
        var afterRead = await _watch.EpochAsync(CancellationToken.None);
        _clock.Advance(RevocationWatch.CheckEvery);

        Assert.Equal(before, sameWhileFresh);
        Assert.NotEqual(before, afterRead);
        Assert.Equal(afterRead, await _watch.EpochAsync(CancellationToken.None));
        _keys.Verify(k => k.RevocationGenerationAsync(It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task A_revocation_made_here_starts_a_new_epoch_without_a_read()
    {
        var before = await _watch.EpochAsync(CancellationToken.None);

        _watch.Invalidate();

        Assert.NotEqual(before, await _watch.EpochAsync(CancellationToken.None));
        _keys.Verify(k => k.RevocationGenerationAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}
