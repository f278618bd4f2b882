using System.Net;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Session;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Stacks;

public sealed class StackDetailTests : DashboardTestContext
{
    private const string Uuid = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string StackUri = $"/api/app/v1/stack/{Uuid}/";
    private const string ServicesPath = "/api/app/v1/service/";
    private const string ScaleAction = "/api/audit/v1/action/11111111-2222-4333-8444-555555555555/";
    private const string Exported = "web:\n  image: functionscloud/busybox\n  links:\n    - db\ndb:\n  image: functionscloud/busybox\n";
    private int webReads;

    public StackDetailTests()
    {
        Api.On("GET", StackUri, HttpStatusCode.OK, Samples.Stack(StackUri, "shop", "Running", true, Changes.ServiceA, Changes.ServiceB));
        // A service of another stack would not be in this list: the page asks for the stack's services only.
        Api.On("GET", ServicesPath, HttpStatusCode.OK,
            Page($"{Samples.Service(Changes.ServiceB, "db", 1, 1)},{Samples.Service(Changes.ServiceA, "web", 2, 1)}"));
        Api.On("GET", Changes.ServiceA, _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Samples.Service(Changes.ServiceA, "web", 2, 1 + Interlocked.Increment(ref webReads))),
        });
        Api.On("GET", ScaleAction, HttpStatusCode.OK, """
            {"uuid":"11111111-2222-4333-8444-555555555555","resource_uri":"/api/audit/v1/action/11111111-2222-4333-8444-555555555555/",
             "object":"/api/app/v1/service/0b6f3c1e-3b8e-4f7b-9d4c-7c1a2e5f9a10/","action":"Service Scale","method":"PATCH","path":"/","user":"admin",
             "user_agent":"","ip":"127.0.0.1","location":"","body":"","start_date":"Thu, 03 Dec 2026 12:00:00 +0000","end_date":null,"state":"In progress",
             "is_user_action":true,"can_be_canceled":false,"can_be_retried":false}
            """);
        Api.On("GET", ScaleAction + "logs/", HttpStatusCode.OK, "[]");
    }

    [Fact]
    public void Each_service_of_the_stack_shows_in_the_stacks_order_with_its_slider_which_scales_that_service()
    {
        Api.On("PATCH", Changes.ServiceA, HttpStatusCode.Accepted, Samples.Service(Changes.ServiceA, "web", 4, 2), ScaleAction);
        var page = Render<StackDetail>(p => p.Add(s => s.Uuid, Guid.Parse(Uuid)));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.card").Count));
        Assert.Equal(["Service web", "Service db"], page.FindAll("li.card").Select(c => c.GetAttribute("aria-label")));
        Assert.Contains("?stack=" + Uri.EscapeDataString(StackUri), Api.Sent.Single(r => r.RequestUri!.AbsolutePath == ServicesPath).RequestUri!.Query);
        var web = page.Find("li[aria-label='Service web'] input[type=range]");
        web.PointerDown();
        web.Input("4");
        web.Change("4");

        page.WaitForAssertion(() => Assert.Equal("""{"target_num_containers":4}""", Api.BodiesOf("PATCH", Changes.ServiceA).Single()));
        page.WaitForAssertion(() => Assert.Contains("Service Scale", page.Find("li[aria-label='Service web'] .action-progress").TextContent));
        Assert.Empty(Api.BodiesOf("PATCH", Changes.ServiceB));
    }

    [Fact]
    public void Terminate_asks_first_and_only_the_confirmation_sends_it()
    {
        Api.On("DELETE", StackUri, HttpStatusCode.Accepted, Samples.Stack(StackUri, "shop", "Terminating", true, Changes.ServiceA, Changes.ServiceB));
        var page = Render<StackDetail>(p => p.Add(s => s.Uuid, Guid.Parse(Uuid)));
        page.WaitForElement(".operations button.danger");

        page.FindAll(".operations button").Single(b => b.TextContent == "Terminate").Click();
        Assert.Contains("Terminate shop and its services?", page.Find(".confirm").TextContent);
        Assert.Empty(Api.BodiesOf("DELETE", StackUri));
        page.FindAll(".confirm button").Single(b => b.TextContent == "Yes, terminate").Click();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf("DELETE", StackUri)));
    }

    [Fact]
    public void Export_shows_the_stackfile_and_downloads_it_under_the_stacks_name()
    {
        Api.On("GET", StackUri + "export/", _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Exported) });
        var download = JSInterop.SetupVoid("functionsCloud.download", "shop.yml", Exported);
        var page = Render<StackDetail>(p => p.Add(s => s.Uuid, Guid.Parse(Uuid)));
        page.WaitForElement("li.card");

        page.FindAll(".operations button").Single(b => b.TextContent == "Export").Click();
        page.WaitForAssertion(() => Assert.Equal(Exported, page.Find("pre.stackfile").TextContent));
        page.FindAll("button").Single(b => b.TextContent == "Download").Click();

        Assert.Single(download.Invocations);
    }

    [Fact]
    public void A_read_only_key_may_export_but_the_operations_and_sliders_are_disabled_saying_why()
    {
        SignedInWith(Access.ReadOnly);

        var page = Render<StackDetail>(p => p.Add(s => s.Uuid, Guid.Parse(Uuid)));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("input[type=range]").Count));
        Assert.All(page.FindAll("input[type=range]"), slider => Assert.True(slider.HasAttribute("disabled")));
        foreach (var verb in new[] { "Start", "Stop", "Redeploy", "Terminate" })
            Assert.True(page.FindAll(".operations button").Single(b => b.TextContent == verb).HasAttribute("disabled"), verb);
        Assert.False(page.FindAll(".operations button").Single(b => b.TextContent == "Export").HasAttribute("disabled"));
        Assert.Equal("needs the operator role", page.Find(".operations .needs-role").TextContent);
        Assert.All(page.FindAll(".scale-slider .needs-role"), reason => Assert.Equal("needs the operator role", reason.TextContent));
    }

    [Fact]
    public async Task A_container_of_one_of_its_services_that_changed_reads_that_service_and_the_stack_again()
    {
        var stream = new EventStreamApi(Api);
        var page = Render<StackDetail>(p => p.Add(s => s.Uuid, Guid.Parse(Uuid)));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.card").Count), Patience);
        var live = await stream.OpenNextAtAsync(1);
        await WaitUntilLiveAsync();
        Clock.Advance(ChangeDebouncer.Wait); // the resync: read once more
        page.WaitForAssertion(() => Assert.Equal(2, Reads(ServicesPath)), Patience);

        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Services.GetRequiredService<EventSubscription>().Watch(new EventWatch(e => e.Id == "2", _ => seen.TrySetResult(), () => { }));
        await live.SendAsync(Changes.Json(2, "container", "update", Changes.ContainerOfA, Changes.ServiceA, Changes.Node));
        await seen.Task.WaitAsync(Patience);
        Clock.Advance(ChangeDebouncer.Wait);

        page.WaitForAssertion(() => Assert.Contains("2 running of 2", page.Find("li[aria-label='Service web']").TextContent), Patience);
        Assert.Equal(1, Volatile.Read(ref webReads));
        Assert.Equal(3, Reads(StackUri));
        Assert.Equal(2, Reads(ServicesPath));
    }

    private int Reads(string path)
    {
        lock (Api.Requests)
            return Api.Requests.Count(r => r.Method == "GET" && r.Path == path);
    }
}
