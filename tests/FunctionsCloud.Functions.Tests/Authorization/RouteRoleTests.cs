using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Functions.Authorization;

namespace FunctionsCloud.Functions.Tests.Authorization;

/// <summary>Route by route: every function called with a key declares its role, reads need no more than read-only, changes more.</summary>
public sealed class RouteRoleTests
{
    public static TheoryData<string> Functions => new(ApiFunctions.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_route_declares_the_role_it_needs(string name)
    {
        var function = ApiFunctions.All.Single(f => f.Name == name);

        Assert.True(RouteRoles.Needed.TryGetValue(name, out var needed), $"{name} ({function.Route}) has no rule in {nameof(RouteRoles)}.");
        if (function.Reads)
            Assert.Equal(Role.ReadOnly, needed);
        else
            Assert.NotEqual(Role.ReadOnly, needed);
    }

    [Fact]
    public void Every_rule_names_a_function_that_exists()
    {
        Assert.Empty(RouteRoles.Needed.Keys.Except(ApiFunctions.All.Select(f => f.Name)));
        Assert.True(ApiFunctions.All.Count > 50);
    }
}

public sealed class RouteRoleCheckTests
{
    [Fact]
    public async Task The_app_finds_every_keyed_function_in_the_table_at_start_up_and_names_one_that_is_not()
    {
        var keyed = RouteRoleCheck.KeyedFunctions(typeof(RouteRoleCheck).Assembly).ToList();

        Assert.Equal(ApiFunctions.All.Select(f => f.Name).Order(), keyed.Distinct().Order());
        await new RouteRoleCheck().StartAsync(CancellationToken.None);
        Assert.Equal(["NewFunction"], RouteRoleCheck.Unlisted([.. keyed, "NewFunction"]));
    }
}
