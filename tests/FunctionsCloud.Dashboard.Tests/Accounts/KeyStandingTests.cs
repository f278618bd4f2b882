using FunctionsCloud.Client.Resources;
using FunctionsCloud.Dashboard.Layout;
using FunctionsCloud.Dashboard.Tests.Support;

namespace FunctionsCloud.Dashboard.Tests.Accounts;

/// <summary>The header's words for what the signed-in key acts as.</summary>
public sealed class KeyStandingTests : DashboardTestContext
{
    [Fact]
    public void The_role_and_the_namespace_are_each_named()
    {
        var me = new Me("alice", "/api/account/v1/me/", "acme", "operator", false, "laptop", null);

        var standing = Render<KeyStanding>(p => p.Add(k => k.Me, me));

        Assert.Equal("Role: operator, namespace: acme", standing.Find("small.key-standing").TextContent);
    }
}
