using FunctionsCloud.Domain.Tokens;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Storage.Tokens;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Tokens;

[Collection(AzuriteCollection.Name)]
public sealed class RegistrationTokenStoreTests
{
    /// <summary>What Azure Table storage takes in one string property; the emulator does not enforce it.</summary>
    private const int MaxStringProperty = 32 * 1024;

    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    [Fact]
    public async Task A_token_keeps_the_claims_of_a_thousand_keyed_uses_within_what_a_table_property_takes()
    {
        var store = new RegistrationTokenStore(_storage.Tables);
        var token = new RegistrationToken { Uuid = Guid.NewGuid(), Namespace = "alice", SecretHash = "h", MaxUses = 1000, ExpiresAt = Now.AddHours(1) };
        var claimed = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();
        foreach (var node in claimed)
            token.Spend(Now, node, keyed: true);

        await store.CreateAsync(token);

        var stored = (await store.GetAsync("alice", token.Uuid))!;
        Assert.Equal(claimed, stored.ClaimedNodes);
        Assert.False(stored.Spend(Now, claimed[0], keyed: true)); // a retry finds its claim
        var row = await _storage.Raw(_storage.Names.RegistrationTokens).GetEntityAsync<Azure.Data.Tables.TableEntity>("alice", token.Uuid.ToString("D"));
        Assert.All(((IDictionary<string, object>)row.Value).Values.OfType<string>(), value => Assert.True(value.Length <= MaxStringProperty, $"a string property of {value.Length} characters"));
    }

    [Fact]
    public void Uses_without_a_host_key_leave_no_claim()
    {
        var token = new RegistrationToken { Uuid = Guid.NewGuid(), Namespace = "alice", SecretHash = "h", MaxUses = 2, ExpiresAt = Now.AddHours(1) };

        Assert.True(token.Spend(Now, Guid.NewGuid(), keyed: false));

        Assert.Empty(token.ClaimedNodes);
        Assert.Equal(1, token.Uses);
    }
}
