using System.Net;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Tests.Support;

namespace FunctionsCloud.Dashboard.Tests.Pages;

public sealed class NodeClusterCreateTests : DashboardTestContext
{
    private const string Clusters = "/api/infra/v1/nodecluster/";

    public NodeClusterCreateTests()
    {
        Api.On("GET", "/api/infra/v1/provider/", HttpStatusCode.OK, Page("""
            {"name":"local","label":"This machine","resource_uri":"/api/infra/v1/provider/local/","regions":["/api/infra/v1/region/local/local/"],"available":true,"unavailable_reason":null},
            {"name":"aws","label":"Amazon Web Services","resource_uri":"/api/infra/v1/provider/aws/","regions":["/api/infra/v1/region/aws/us-east-1/","/api/infra/v1/region/aws/eu-west-1/"],"available":true,"unavailable_reason":null},
            {"name":"packet","label":"Packet","resource_uri":"/api/infra/v1/provider/packet/","regions":[],"available":false,"unavailable_reason":"Equinix Metal shut down."}
            """));
        Api.On("GET", "/api/infra/v1/region/", HttpStatusCode.OK, Page("""
            {"name":"local","label":"Local","resource_uri":"/api/infra/v1/region/local/local/","provider":"/api/infra/v1/provider/local/","node_types":["/api/infra/v1/nodetype/local/local/"],"available":true},
            {"name":"us-east-1","label":"US East","resource_uri":"/api/infra/v1/region/aws/us-east-1/","provider":"/api/infra/v1/provider/aws/","node_types":["/api/infra/v1/nodetype/aws/t3.micro/"],"available":true},
            {"name":"eu-west-1","label":"EU West","resource_uri":"/api/infra/v1/region/aws/eu-west-1/","provider":"/api/infra/v1/provider/aws/","node_types":["/api/infra/v1/nodetype/aws/t3.micro/","/api/infra/v1/nodetype/aws/m5.large/"],"available":true}
            """));
        Api.On("GET", "/api/infra/v1/nodetype/", HttpStatusCode.OK, Page("""
            {"name":"local","label":"Local","resource_uri":"/api/infra/v1/nodetype/local/local/","provider":"/api/infra/v1/provider/local/","regions":[],"cpu":1,"memory":1,"available":true},
            {"name":"t3.micro","label":"t3.micro","resource_uri":"/api/infra/v1/nodetype/aws/t3.micro/","provider":"/api/infra/v1/provider/aws/","regions":[],"cpu":2,"memory":1,"available":true},
            {"name":"m5.large","label":"m5.large","resource_uri":"/api/infra/v1/nodetype/aws/m5.large/","provider":"/api/infra/v1/provider/aws/","regions":[],"cpu":2,"memory":8,"available":true}
            """));
    }

    [Fact]
    public void The_catalog_drives_each_choice_provider_then_region_then_node_type()
    {
        var page = Render<NodeClusterCreate>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("input[name=provider]").Count));

        Assert.True(page.Find("input[value='/api/infra/v1/provider/packet/']").HasAttribute("disabled"));
        Assert.Contains("Equinix Metal shut down.", page.Markup);
        Assert.True(page.Find("#region").HasAttribute("disabled"));

        page.Find("input[value='/api/infra/v1/provider/aws/']").Change(true);
        Assert.Equal(["", "/api/infra/v1/region/aws/us-east-1/", "/api/infra/v1/region/aws/eu-west-1/"], Options(page, "#region"));

        page.Find("#region").Change("/api/infra/v1/region/aws/eu-west-1/");
        Assert.Equal(["", "/api/infra/v1/nodetype/aws/t3.micro/", "/api/infra/v1/nodetype/aws/m5.large/"], Options(page, "#node-type"));
    }

    [Fact]
    public void A_refused_count_is_shown_next_to_its_field_and_nothing_is_deployed()
    {
        Api.On("POST", Clusters, HttpStatusCode.BadRequest,
            """{"title":"Bad request","status":400,"detail":"target_num_nodes: at most 100.","errors":{"target_num_nodes":["at most 100."]}}""");
        var page = Render<NodeClusterCreate>();
        page.WaitForAssertion(() => page.Find("input[value='/api/infra/v1/provider/local/']"));

        page.Find("input[value='/api/infra/v1/provider/local/']").Change(true);
        page.Find("#name").Change("web");
        page.Find("#nodes").Change("101");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("at most 100.", page.Find("#nodes-error").TextContent));
        Assert.Equal("web", page.Find("#name").GetAttribute("value"));
        Assert.Equal("101", page.Find("#nodes").GetAttribute("value"));
        Assert.Contains("\"region\":\"/api/infra/v1/region/local/local/\"", Api.BodiesOf("POST", Clusters).Single());
        Assert.DoesNotContain(Api.Requests, r => r.Path.EndsWith("/deploy/", StringComparison.Ordinal));
    }

    private static string[] Options(IRenderedComponent<NodeClusterCreate> page, string select) =>
        page.FindAll($"{select} option").Select(o => o.GetAttribute("value") ?? "").ToArray();
}
