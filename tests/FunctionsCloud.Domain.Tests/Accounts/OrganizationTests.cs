using FunctionsCloud.Domain.Accounts;

namespace FunctionsCloud.Domain.Tests.Accounts;

public sealed class OrganizationTests
{
    private static readonly Organization Acme = new()
    {
        Name = "acme",
        Teams = [new Team("owners", Role.Admin, ["alice"]), new Team("deployers", Role.Operator, ["bob", "alice"]), new Team("readers", Role.ReadOnly, ["carol"])],
    };

    [Theory]
    [InlineData("alice", Role.Admin)]
    [InlineData("ALICE", Role.Admin)]
    [InlineData("bob", Role.Operator)]
    [InlineData("carol", Role.ReadOnly)]
    public void A_member_has_the_strongest_role_of_their_teams(string user, Role expected) =>
        Assert.Equal(expected, Acme.RoleOf(user));

    [Fact]
    public void A_user_in_no_team_has_no_role() => Assert.Null(Acme.RoleOf("mallory"));

    [Fact]
    public void Without_its_only_admin_it_has_no_admin_and_the_user_is_in_no_team()
    {
        var without = Acme.Without("Alice");

        Assert.False(without.HasAdmin);
        Assert.Null(without.RoleOf("alice"));
        Assert.Equal(Role.Operator, without.RoleOf("bob"));
        Assert.True(Acme.HasAdmin);
    }

    [Fact]
    public void A_team_replaced_or_removed_by_name_leaves_the_others()
    {
        var promoted = Acme.WithTeam("READERS", new Team("readers", Role.Admin, ["carol"]));
        var removed = Acme.WithTeam("owners", null);

        Assert.Equal(Role.Admin, promoted.RoleOf("carol"));
        Assert.Equal(3, promoted.Teams.Count);
        Assert.Equal(["deployers", "readers"], removed.Teams.Select(t => t.Name));
        Assert.False(removed.HasAdmin);
        Assert.Equal(4, Acme.Memberships);
    }
}
