using System.Net;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Pages;

public sealed class ServicesTests : DashboardTestContext
{
    private const string ServicesPath = "/api/app/v1/service/";
    private readonly EventStreamApi stream;
    private int running;

    public ServicesTests()
    {
        stream = new EventStreamApi(Api);
        Api.On("GET", ServicesPath, HttpStatusCode.OK,
            $$"""{"meta":{"limit":100,"offset":0,"total_count":2,"next":null,"previous":null},"objects":[{{Samples.Service(Changes.ServiceA, "web", 1, 0)}},{{Samples.Service(Changes.ServiceB, "db", 1, 0)}}]}""");
        Api.On("GET", Changes.ServiceA, _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Samples.Service(Changes.ServiceA, "web", Interlocked.Increment(ref running) + 1, running)),
        });
    }

    [Fact]
    public async Task A_container_that_changed_reads_its_service_again_and_nothing_else()
    {
        var page = Render<Services>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count), Patience);
        var live = await stream.OpenNextAtAsync(1);
        await WaitUntilLiveAsync();
        Clock.Advance(ChangeDebouncer.Wait); // the resync: the list read once more
        page.WaitForAssertion(() => Assert.Equal(2, ListReads()), Patience);

        // Told after the page: once this has seen both, the page's wait for more has begun.
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Services.GetRequiredService<EventSubscription>().Watch(new EventWatch(e => e.Id == "3", _ => seen.TrySetResult(), () => { }));

        await live.SendAsync(Changes.Json(2, "container", "update", Changes.ContainerOfA, Changes.ServiceA, Changes.Node));
        await live.SendAsync(Changes.Json(3, "container", "update", Changes.ContainerOfA, Changes.ServiceA, Changes.Node));
        await seen.Task.WaitAsync(Patience);
        Clock.Advance(ChangeDebouncer.Wait);

        page.WaitForAssertion(() => Assert.Contains("1 running of 2", page.FindAll("tbody tr")[0].TextContent), Patience);
        Assert.Equal(1, Volatile.Read(ref running));
        Assert.Equal(2, ListReads());
        Assert.Contains("0 running of 1", page.FindAll("tbody tr")[1].TextContent);
    }

    private int ListReads()
    {
        lock (Api.Requests)
            return Api.Requests.Count(r => r.Method == "GET" && r.Path == ServicesPath);
    }
}
