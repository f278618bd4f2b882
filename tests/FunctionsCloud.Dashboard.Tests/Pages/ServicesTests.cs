using System.Net;
using FunctionsCloud.Dashboard.Live;
using FunctionsCloud.Dashboard.Pages;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Pages;

public sealed class ServicesTests : DashboardTestContext
{
    private const string ServicesPath = "/api/app/v1/service/";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly EventStreamApi stream;
    private int running;

    public ServicesTests()
    {
        stream = new EventStreamApi(Api);
        Api.On("GET", ServicesPath, HttpStatusCode.OK,
            $$"""{"meta":{"limit":100,"offset":0,"total_count":2,"next":null,"previous":null},"objects":[{{ServiceJson(Changes.ServiceA, "web", 1)}},{{ServiceJson(Changes.ServiceB, "db", 1)}}]}""");
        Api.On("GET", Changes.ServiceA, _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(ServiceJson(Changes.ServiceA, "web", Interlocked.Increment(ref running) + 1)),
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

    private async Task WaitUntilLiveAsync()
    {
        var subscription = Services.GetRequiredService<EventSubscription>();
        var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription.Changed += () =>
        {
            if (subscription.IsLive)
                live.TrySetResult();
        };
        if (subscription.IsLive)
            live.TrySetResult();
        await live.Task.WaitAsync(Patience);
    }

    private static string ServiceJson(string uri, string name, int target) => $$"""
        {"uuid":"{{uri.TrimEnd('/').Split('/')[^1]}}","resource_uri":"{{uri}}","image_name":"functionscloud/busybox","name":"{{name}}","nickname":"{{name}}",
         "state":"Running","containers":[],"target_num_containers":{{target}},"current_num_containers":{{target - 1}},"running_num_containers":{{target - 1}},
         "stopped_num_containers":0,"deployment_strategy":"EMPTIEST_NODE","tags":[],"container_ports":[],"container_envvars":[],
         "linked_to_service":[],"link_variables":{},"run_command":null,"entrypoint":null,"autorestart":"OFF","autodestroy":"OFF",
         "sequential_deployment":false,"deployed_datetime":null,"current_action":null}
        """;
}
