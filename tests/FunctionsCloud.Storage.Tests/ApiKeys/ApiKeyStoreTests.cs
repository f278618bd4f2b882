using Azure.Data.Tables;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.ApiKeys;

[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyStoreTests
{
    private const string Hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    private static ApiKeyRecord Key(string user = "Alice", string hash = Hash) => new()
    {
        User = user,
        KeyHash = hash,
        Namespace = "alice-ns",
        IsInstallationAdmin = true,
        CreatedAt = Samples.At(1),
        Revoked = false,
    };

    [Fact]
    public async Task A_key_is_found_by_user_in_any_case_and_hash()
    {
        await _storage.ApiKeys.UpsertAsync(Key());

        var found = await _storage.ApiKeys.FindAsync("ALICE", Hash.ToLowerInvariant());

        Assert.Equal(Key() with { User = "alice", KeyHash = Hash.ToLowerInvariant() }, found);
    }

    [Fact]
    public async Task Whether_a_key_administers_the_installation_keeps_its_stored_column_name_IsAdmin()
    {
        await _storage.ApiKeys.UpsertAsync(Key());

        var client = await _storage.Tables.ApiKeys.ReadyAsync();
        var row = (await client.GetEntityAsync<TableEntity>(ApiKeyEntity.UserKey("Alice"), ApiKeyEntity.HashKey(Hash))).Value;

        Assert.Equal(true, row.GetBoolean("IsAdmin"));
        Assert.False(row.ContainsKey(nameof(ApiKeyRecord.IsInstallationAdmin)));
    }

    [Fact]
    public async Task Another_hash_or_user_finds_nothing()
    {
        await _storage.ApiKeys.UpsertAsync(Key());

        Assert.Null(await _storage.ApiKeys.FindAsync("alice", new string('0', 64)));
        Assert.Null(await _storage.ApiKeys.FindAsync("bob", Hash));
        Assert.Null(await _storage.ApiKeys.FindAsync("al/ice", Hash));
        Assert.Null(await _storage.ApiKeys.FindAsync("", Hash));
    }

    [Fact]
    public async Task A_revoked_key_is_found_revoked_and_still_listed()
    {
        var key = Key();
        var other = Key(hash: new string('a', 64)) with { IsInstallationAdmin = false };
        await _storage.ApiKeys.UpsertAsync(key);
        await _storage.ApiKeys.UpsertAsync(other);
        await _storage.ApiKeys.UpsertAsync(Key(user: "bob"));

        await _storage.ApiKeys.UpsertAsync(key with { Revoked = true });

        Assert.True((await _storage.ApiKeys.FindAsync("alice", Hash))!.Revoked);
        var listed = await _storage.ApiKeys.ListAsync("Alice");
        Assert.Equal(2, listed.Count);
        Assert.Single(listed, k => k.Revoked);
        Assert.Single(listed, k => !k.IsInstallationAdmin);
    }

    [Fact]
    public async Task A_user_name_the_table_cannot_hold_is_refused_on_write()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.ApiKeys.UpsertAsync(Key(user: "a#b")));
        Assert.Empty(await _storage.ApiKeys.ListAsync("a#b"));
    }

    [Fact]
    public async Task A_key_keeps_its_uuid_label_role_and_dates()
    {
        var key = Key() with
        {
            User = "alice", KeyHash = Hash.ToLowerInvariant(), Uuid = Guid.NewGuid(), Label = "ci", Role = Domain.Accounts.Role.ReadOnly,
            ExpiresAt = Samples.At(2), LastUsedAt = Samples.At(3),
        };

        Assert.Equal(KeyAddition.Added, await _storage.ApiKeys.AddAsync(key));

        Assert.Equal(key, await _storage.ApiKeys.FindAsync("alice", Hash));
        Assert.Equal(KeyAddition.HashTaken, await _storage.ApiKeys.AddAsync(key with { Label = "other" }));
        Assert.Equal("ci", (await _storage.ApiKeys.FindAsync("alice", Hash))!.Label);
    }

    [Fact]
    public async Task A_use_changes_only_the_last_use_and_brings_back_no_deleted_key()
    {
        await _storage.ApiKeys.UpsertAsync(Key() with { Revoked = true });

        await _storage.ApiKeys.RecordUseAsync("Alice", Hash, Samples.At(5));
        await _storage.ApiKeys.RecordUseAsync("bob", Hash, Samples.At(5));

        var found = (await _storage.ApiKeys.FindAsync("alice", Hash))!;
        Assert.Equal((Samples.At(5), true, "alice-ns"), (found.LastUsedAt, found.Revoked, found.Namespace));
        Assert.Null(await _storage.ApiKeys.FindAsync("bob", Hash));
    }

    [Fact]
    public async Task The_revocation_generation_changes_with_every_bump()
    {
        Assert.Equal("", await _storage.ApiKeys.RevocationGenerationAsync());

        await _storage.ApiKeys.BumpRevocationGenerationAsync();
        var first = await _storage.ApiKeys.RevocationGenerationAsync();
        await _storage.ApiKeys.BumpRevocationGenerationAsync();

        Assert.NotEqual("", first);
        Assert.NotEqual(first, await _storage.ApiKeys.RevocationGenerationAsync());
    }

    [Fact]
    public async Task Additions_at_once_with_one_label_store_one_key()
    {
        var additions = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _storage.ApiKeys.AddAsync(NewKey("deploy"))));

        Assert.Equal(1, additions.Count(a => a == KeyAddition.Added));
        Assert.Equal(19, additions.Count(a => a == KeyAddition.LabelTaken));
        Assert.Single(await _storage.ApiKeys.ListAsync("alice"));
    }

    [Fact]
    public async Task Additions_at_once_at_the_limit_never_pass_it_and_a_revoked_key_frees_its_label_and_place()
    {
        var first = NewKey("first");
        await _storage.ApiKeys.AddAsync(first, maxLiveKeys: 8);
        await _storage.ApiKeys.UpsertAsync(NewKey("revoked") with { Revoked = true });

        var additions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _storage.ApiKeys.AddAsync(NewKey($"k{i}"), maxLiveKeys: 8)));

        Assert.Equal(7, additions.Count(a => a == KeyAddition.Added));
        Assert.Equal(13, additions.Count(a => a == KeyAddition.LimitReached));
        Assert.Equal(8, (await _storage.ApiKeys.ListAsync("alice")).Count(k => !k.Revoked));
        await _storage.ApiKeys.UpsertAsync(first with { Revoked = true });
        Assert.Equal(KeyAddition.Added, await _storage.ApiKeys.AddAsync(NewKey("first"), maxLiveKeys: 8));
    }

    private static ApiKeyRecord NewKey(string label) =>
        Key(hash: Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))) with { Uuid = Guid.NewGuid(), Label = label };
}
