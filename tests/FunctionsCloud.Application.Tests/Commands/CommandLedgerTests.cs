using FunctionsCloud.Application.Commands;
using FunctionsCloud.Storage.Commands;
using FunctionsCloud.Application.Tests.Support;
using Moq;

namespace FunctionsCloud.Application.Tests.Commands;

public sealed class CommandLedgerTests
{
    private readonly StoppedClock _clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private readonly Mock<ICommandReceiptStore> _receipts = new();

    [Fact]
    public async Task A_receipt_swept_away_between_the_refused_add_and_the_read_is_claimed_anew()
    {
        var stored = new CommandReceipt { Namespace = "alice", Key = "m-1", Version = "v1" };
        _receipts.SetupSequence(r => r.TryAddAsync(It.IsAny<CommandReceipt>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CommandReceipt?)null)
            .ReturnsAsync(stored);
        _receipts.Setup(r => r.GetAsync("alice", "m-1", It.IsAny<CancellationToken>())).ReturnsAsync((CommandReceipt?)null);

        var claim = await new CommandLedger(_receipts.Object, _clock).ClaimAsync("alice", "m-1", CancellationToken.None);

        Assert.Equal(CommandClaimKind.New, claim.Kind);
        Assert.Same(stored, claim.Receipt);
        _receipts.Verify(r => r.TryAddAsync(It.IsAny<CommandReceipt>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task The_sweep_removes_what_was_received_more_than_the_retention_ago()
    {
        _receipts.Setup(r => r.DeleteReceivedBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(4);
        var sweeper = new CommandReceiptSweeper(_receipts.Object, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<CommandReceiptSweeper>.Instance);

        Assert.Equal(4, await sweeper.SweepAsync(CancellationToken.None));
        _receipts.Verify(r => r.DeleteReceivedBeforeAsync(_clock.GetUtcNow() - TimeSpan.FromDays(7), It.IsAny<CancellationToken>()));
    }
}
