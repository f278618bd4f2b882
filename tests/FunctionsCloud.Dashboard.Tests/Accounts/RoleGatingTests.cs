using System.Net;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Session;
using FunctionsCloud.Dashboard.Tests.Support;

namespace FunctionsCloud.Dashboard.Tests.Accounts;

/// <summary>Controls a key's role cannot use are disabled, saying which role they need; a strong enough key gets them.</summary>
public sealed class RoleGatingTests : DashboardTestContext
{
    private const string Cluster = """
        {"uuid":"0a1b2c3d-0000-4000-8000-000000000001","resource_uri":"/api/infra/v1/nodecluster/0a1b2c3d-0000-4000-8000-000000000001/","name":"web",
         "state":"Deployed","current_num_nodes":2,"target_num_nodes":2,"max_num_nodes":10,"provider":"/api/infra/v1/provider/local/",
         "region":"/api/infra/v1/region/local/local/","node_type":"/api/infra/v1/nodetype/local/local/","nodes":[],"tags":[],"current_action":null}
        """;

    public RoleGatingTests() => Api.On("GET", "/api/infra/v1/nodecluster/", HttpStatusCode.OK, Page(Cluster));

    [Fact]
    public void A_read_only_key_sees_the_slider_and_operations_disabled_with_the_operator_role_named()
    {
        SignedInWith(Access.ReadOnly);

        var page = Render<NodeClusters>();

        page.WaitForElement("li[aria-label='Node cluster web'] input[type=range]");
        Assert.True(page.Find("input[type=range]").HasAttribute("disabled"));
        Assert.True(page.Find("li[aria-label='Node cluster web'] button.danger").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("a[href='nodeclusters/new']"));
        Assert.True(page.Find(".heading button").HasAttribute("disabled"));
        Assert.Contains("needs the operator role", page.Find(".scale-slider .needs-role").TextContent);
        Assert.Equal("needs the operator role", page.Find(".heading .needs-role").TextContent);
    }

    [Fact]
    public void An_operator_key_gets_the_slider_and_operations_and_no_reason()
    {
        SignedInWith(Access.Operator);

        var page = Render<NodeClusters>();

        page.WaitForElement("li[aria-label='Node cluster web'] input[type=range]");
        Assert.False(page.Find("input[type=range]").HasAttribute("disabled"));
        Assert.False(page.Find("li[aria-label='Node cluster web'] button.danger").HasAttribute("disabled"));
        Assert.Single(page.FindAll("a[href='nodeclusters/new']"));
        Assert.Empty(page.FindAll(".needs-role"));
    }

    [Fact]
    public void Until_the_role_is_known_nothing_that_changes_anything_is_offered()
    {
        Assert.False(Access.Unknown.Allows(Access.ReadOnly));
        Assert.Equal("checking what your key may do", Access.Unknown.Refusal(Access.Operator));
        Assert.False(Access.Unknown.IsInstallationAdmin);
    }
}
