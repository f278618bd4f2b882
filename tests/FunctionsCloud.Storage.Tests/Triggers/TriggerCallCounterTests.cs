using Azure.Data.Tables;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.RateLimits;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Storage.Triggers;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Triggers;

[Collection(AzuriteCollection.Name)]
public sealed class TriggerCallCounterTests
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 28, 10, 15, 0, TimeSpan.Zero);
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());
    private readonly TriggerCallCounter _counter;
    private readonly Guid _trigger = Guid.NewGuid();

    public TriggerCallCounterTests() => _counter = new TriggerCallCounter(_storage.Tables);

    [Fact]
    public async Task No_more_than_the_limit_pass_in_a_minute_and_the_next_minute_starts_over()
    {
        var counted = new List<bool>();
        for (var call = 0; call < 4; call++)
            counted.Add(await _counter.TryCountAsync(_trigger, Minute.AddSeconds(call * 10), limit: 3));

        Assert.Equal([true, true, true, false], counted);
        Assert.True(await _counter.TryCountAsync(_trigger, Minute.AddMinutes(1), limit: 3));
    }

    [Fact]
    public async Task A_minutes_first_call_removes_the_rows_of_earlier_minutes_and_no_other_triggers()
    {
        var other = Guid.NewGuid();
        await _counter.TryCountAsync(other, Minute, limit: 5);
        await _counter.TryCountAsync(_trigger, Minute, limit: 5);
        await _counter.TryCountAsync(_trigger, Minute.AddMinutes(3), limit: 5);
        await _counter.TryCountAsync(_trigger, Minute.AddMinutes(7), limit: 5);

        Assert.Equal([MinuteCounts.MinuteKey(Minute.AddMinutes(7))], await RowKeysAsync(_trigger));
        Assert.Equal([MinuteCounts.MinuteKey(Minute)], await RowKeysAsync(other));
    }

    [Fact]
    public async Task A_deleted_triggers_counts_are_forgotten()
    {
        await _counter.TryCountAsync(_trigger, Minute, limit: 5);

        await _counter.ForgetAsync(_trigger);
        await _counter.ForgetAsync(_trigger);

        Assert.Empty(await RowKeysAsync(_trigger));
    }

    private async Task<List<string>> RowKeysAsync(Guid trigger)
    {
        var table = _storage.Raw(_storage.Names.TriggerCalls);
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Of(trigger)}")))
            keys.Add(row.RowKey);
        return keys;
    }
}
