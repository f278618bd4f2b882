using FunctionsCloud.Application.Tests.Agents.Support;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Validation;
using Moq;

namespace FunctionsCloud.Application.Tests.Agents;

/// <summary>The log credential that heartbeats carry: the agent's word on the one it holds is checked, and failing to issue one fails no heartbeat.</summary>
public class HeartbeatLogCredentialTests
{
    private static readonly NodeInventory Inventory = new(2, 4096, 60, "27.1.0");
    private readonly NodeWorld _world = new();

    [Theory]
    [InlineData(-1L)]
    [InlineData(253_402_300_800L)]
    [InlineData(long.MaxValue)]
    public async Task An_expiry_out_of_range_is_a_400_and_not_even_the_beat_is_written(long expires)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => _world.Heartbeats().RecordAsync(_world.Node,
            new HeartbeatRequest(Inventory, _world.Credentials.IssueLease(_world.Lease), LogsExpires: expires), CancellationToken.None));

        Assert.Equal("logs_expires", Assert.Single(error.Errors).Field);
        Assert.Empty(_world.Liveness.Invocations);
        Assert.Empty(_world.LogBlobs.Invocations);
    }

    [Fact]
    public async Task Storage_that_fails_to_issue_one_in_any_way_leaves_the_heartbeat_answered_without_one()
    {
        _world.LogBlobs.Setup(b => b.IssueNodeSasAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AggregateException("Retry failed after 4 tries.", new HttpRequestException("Connection refused")));

        var answer = await _world.Heartbeats().RecordAsync(_world.Node, new HeartbeatRequest(Inventory, _world.Credentials.IssueLease(_world.Lease)), CancellationToken.None);

        Assert.NotNull(answer.Lease);
        Assert.Null(answer.Logs);
    }
}
