using Azure.Data.Tables;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Storage.Users;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Users;

[Collection(AzuriteCollection.Name)]
public sealed class AccountStoreTests
{
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());
    private readonly AccountStore _store;

    public AccountStoreTests() => _store = new AccountStore(_storage.Tables);

    [Fact]
    public async Task Whether_a_user_administers_the_installation_keeps_its_stored_column_name_IsAdmin()
    {
        Assert.True(await _store.AddUserAsync(new UserAccount { Name = "Frank", IsInstallationAdmin = true }));

        var client = await _storage.Tables.Accounts.ReadyAsync();
        var row = (await client.GetEntityAsync<TableEntity>(NamespaceEntity.Partition, "frank")).Value;

        Assert.Equal(true, row.GetBoolean("IsAdmin"));
        Assert.False(row.ContainsKey(nameof(UserAccount.IsInstallationAdmin)));
        Assert.True((await _store.FindAsync("frank"))!.User!.IsInstallationAdmin);
    }

    [Fact]
    public async Task Users_and_organizations_share_one_set_of_names_whatever_the_case()
    {
        Assert.True(await _store.AddUserAsync(new UserAccount { Name = "Alice", IsInstallationAdmin = true }));

        Assert.False(await _store.AddUserAsync(new UserAccount { Name = "alice" }));
        Assert.False(await _store.AddOrganizationAsync(new Organization { Name = "ALICE" }));
        var found = await _store.FindAsync("aLiCe");
        Assert.Equal(("Alice", true, null), (found!.User!.Name, found.User.IsInstallationAdmin, found.Organization));
        Assert.Null(await _store.FindAsync("bad/name"));
    }

    [Fact]
    public async Task A_users_full_name_and_suspension_and_an_organizations_removal_round_trip()
    {
        Assert.True(await _store.AddUserAsync(new UserAccount { Name = "carol", Email = "c@example.com" }));
        Assert.True(await _store.AddOrganizationAsync(new Organization { Name = "gone", Teams = [new Team("owners", Role.Admin, ["carol"])] }));
        Assert.True((await _store.FindAsync("carol"))!.User!.IsActive);

        await _store.ChangeAsync(everyone => new AccountChange([everyone.Single(o => o.User is not null).User! with { FullName = "Carol C", IsActive = false }], []));
        var organization = (await _store.FindAsync("gone"))!.Organization!;
        await _store.ReplaceOrganizationAsync(organization with { Removed = true });

        var user = (await _store.FindAsync("carol"))!.User!;
        Assert.Equal(("Carol C", false), (user.FullName, user.IsActive));
        var removed = (await _store.FindAsync("gone"))!.Organization!;
        Assert.True(removed.Removed);
        Assert.Null(removed.RoleOf("carol"));
    }

    [Fact]
    public async Task An_organizations_teams_round_trip_and_a_stale_copy_is_not_written()
    {
        var acme = new Organization { Name = "acme", Teams = [new Team("owners", Role.Admin, ["alice"]), new Team("ops", Role.Operator, [])] };
        Assert.True(await _store.AddOrganizationAsync(acme));
        var stored = (await _store.FindAsync("acme"))!.Organization!;
        Assert.Equal([("owners", Role.Admin, 1), ("ops", Role.Operator, 0)], stored.Teams.Select(t => (t.Name, t.Role, t.Members.Count)));

        var changed = await _store.ReplaceOrganizationAsync(stored.WithTeam("ops", new Team("ops", Role.ReadOnly, ["bob"])));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.ReplaceOrganizationAsync(stored.WithTeam("ops", null)));
        Assert.Equal(Role.ReadOnly, (await _store.FindAsync("acme"))!.Organization!.RoleOf("bob"));
        Assert.NotEqual(stored.Version, changed.Version);
        Assert.Single(await _store.ListAsync(), o => o.Organization is not null);
    }

    [Fact]
    public async Task A_change_decided_before_another_landed_is_decided_again_on_a_fresh_read()
    {
        Assert.True(await _store.AddUserAsync(new UserAccount { Name = "dora", IsInstallationAdmin = true }));
        Assert.True(await _store.AddUserAsync(new UserAccount { Name = "eve", IsInstallationAdmin = true }));
        var seen = new List<int>();

        var written = await _store.ChangeAsync(everyone =>
        {
            seen.Add(everyone.Count(o => o.User is { IsInstallationAdmin: true }));
            if (seen.Count == 1)
                // Another writer demotes eve between this decision's read and its write.
                _store.ChangeAsync(e => new AccountChange([e.Single(o => o.User!.Name == "eve").User! with { IsInstallationAdmin = false }], [])).GetAwaiter().GetResult();
            return new AccountChange([everyone.Single(o => o.User!.Name == "dora").User! with { FullName = "Dora" }], []);
        });

        Assert.Equal([2, 1], seen);
        Assert.Equal("Dora", written.Users[0].FullName);
        Assert.Equal(2, (await _store.ListAsync()).Count);
        Assert.Null(await _store.FindAsync("~standing"));
    }
}
