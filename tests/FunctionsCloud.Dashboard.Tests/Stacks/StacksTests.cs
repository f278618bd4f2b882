using System.Net;
using FunctionsCloud.Dashboard.Tests.Support;
using StacksPage = FunctionsCloud.Dashboard.Pages.Stacks;

namespace FunctionsCloud.Dashboard.Tests.Stacks;

public sealed class StacksTests : DashboardTestContext
{
    private const string Shop = "/api/app/v1/stack/5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/";
    private const string Gone = "/api/app/v1/stack/7e2d3c4b-5a6f-4b7c-8d9e-0f1a2b3c4d5e/";

    [Fact]
    public void Live_stacks_show_with_their_state_services_by_name_and_whether_they_are_synchronized()
    {
        Api.On("GET", "/api/app/v1/stack/", HttpStatusCode.OK,
            Page($"{Samples.Stack(Shop, "shop", "Partly running", false, Changes.ServiceA, Changes.ServiceB)},{Samples.Stack(Gone, "old", "Terminated", true)}"));
        Api.On("GET", "/api/app/v1/service/", HttpStatusCode.OK,
            Page($"{Samples.Service(Changes.ServiceA, "web", 2, 1)},{Samples.Service(Changes.ServiceB, "db", 1, 1)}"));

        var page = Render<StacksPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        var cells = page.FindAll("tbody tr > *").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["shop", "Partly running", "web, db", "No: changes wait for a redeploy"], cells);
        Assert.Equal("stacks/5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", page.Find("tbody th a").GetAttribute("href"));
    }
}
