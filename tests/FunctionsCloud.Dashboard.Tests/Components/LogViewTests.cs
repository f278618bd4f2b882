using System.Net;
using System.Text.Json;
using FunctionsCloud.Dashboard.Logs;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Dashboard.Tests.Components;

public sealed class LogViewTests : DashboardTestContext
{
    private const string Service = "/api/app/v1/service/0b6f3c1e-3b8e-4f7b-9d4c-7c1a2e5f9a10/";
    private const string LogsPath = Service + "logs/";
    private static readonly double Start = new DateTimeOffset(2026, 12, 3, 11, 59, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private readonly TaskCompletionSource<EventStream>[] connections = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
    private int opened;

    public LogViewTests()
    {
        // The view draws at most every 200 ms and waits 3 s before it connects again: on the real clock here.
        Services.AddSingleton(TimeProvider.System);
        Api.On("GET", LogsPath, request =>
        {
            if (!request.RequestUri!.Query.Contains("follow=true", StringComparison.Ordinal))
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"[{Line(1, "first")},{Line(2, "second")}]") };
            var stream = new EventStream();
            connections[Interlocked.Increment(ref opened) - 1].SetResult(stream);
            return stream.Response();
        });
    }

    [Fact]
    public async Task Lines_are_shown_as_text_with_their_container_and_stream_and_control_characters_made_visible()
    {
        var view = RenderView();
        var stream = await ConnectionAsync(1);

        await stream.SendAsync(Line(1, "<b>bold</b>\u001b[31mred"));
        await stream.SendAsync(Line(2, "it broke", source: "stderr"));

        var lines = WaitForLines(view, 2);
        Assert.Equal("<b>bold</b>\u241b[31mred", lines[0].QuerySelector(".log-text")!.TextContent);
        Assert.Empty(view.FindAll(".log b"));
        Assert.Equal("web-1", lines[0].QuerySelector(".log-container")!.TextContent);
        Assert.Null(lines[0].QuerySelector(".log-stream"));
        Assert.Equal("stderr", lines[1].QuerySelector(".log-stream")!.TextContent);
        var follow = Api.Sent.Single();
        Assert.Equal("?tail=200&follow=true", follow.RequestUri!.Query);
        Assert.Equal("text/event-stream", follow.Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task Pause_holds_new_lines_back_and_says_how_many_wait_until_resume_shows_them()
    {
        var view = RenderView();
        var stream = await ConnectionAsync(1);
        await stream.SendAsync(Line(1, "one"));
        WaitForLines(view, 1);

        view.Find("button[aria-pressed]").Click();
        Assert.Equal("true", view.Find("button[aria-pressed]").GetAttribute("aria-pressed"));
        await stream.SendAsync(Line(2, "two"));
        await stream.SendAsync(Line(3, "three"));

        view.WaitForAssertion(() => Assert.Equal("Paused: 2 new lines waiting", view.Find("[role=status]").TextContent), Patience);
        Assert.Single(view.FindAll(".log-line"));
        Assert.Equal("Resume", view.Find("button[aria-pressed]").TextContent);
        view.Find("button[aria-pressed]").Click();
        Assert.Equal(["one", "two", "three"], view.FindAll(".log-text").Select(e => e.TextContent));
        Assert.Equal("false", view.Find("button[aria-pressed]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_lost_connection_is_said_and_following_goes_on_from_the_newest_line_without_repeats()
    {
        var view = RenderView();
        var first = await ConnectionAsync(1);
        await first.SendAsync(Line(1, "one"));
        WaitForLines(view, 1);

        first.Break();
        view.WaitForAssertion(() => Assert.Equal("Connection lost; trying again…", view.Find("[role=status]").TextContent), Patience);
        var second = await ConnectionAsync(2);
        await second.SendAsync(Line(1, "one"));
        await second.SendAsync(Line(2, "two"));

        WaitForLines(view, 2);
        Assert.Equal(["one", "two"], view.FindAll(".log-text").Select(e => e.TextContent));
        var since = Start + 1 - 5;
        Assert.Equal(FormattableString.Invariant($"?since={since}&follow=true"), Api.Sent[1].RequestUri!.Query);
        Assert.Equal("Following", view.Find("[role=status]").TextContent);
    }

    [Fact]
    public async Task Download_has_the_browser_fetch_the_whole_log_from_the_api_with_the_tabs_key_and_says_a_refusal()
    {
        var view = RenderView();
        await ConnectionAsync(1);
        var download = JSInterop.Setup<string?>("functionsCloud.downloadFrom", _ => true);
        download.SetResult(null);

        view.FindAll("button").Single(b => b.TextContent == "Download").Click();

        view.WaitForAssertion(() => Assert.Single(download.Invocations), Patience);
        Assert.Equal([Service + "logs/download/", "Basic YWRtaW46a2V5"], download.Invocations.Single().Arguments);
        Assert.Null(Services.GetRequiredService<FunctionsCloud.Dashboard.Session.MessageArea>().Text);

        var refused = JSInterop.Setup<string?>("functionsCloud.downloadFrom", _ => true);
        refused.SetResult("Container not found.");
        view.FindAll("button").Single(b => b.TextContent == "Download").Click();
        view.WaitForAssertion(() => Assert.Equal("Container not found.", Services.GetRequiredService<FunctionsCloud.Dashboard.Session.MessageArea>().Text), Patience);
    }

    private IRenderedComponent<LogView> RenderView() => Render<LogView>(parameters => parameters
        .Add(v => v.ResourceUri, Service)
        .Add(v => v.Subject, "web")
        .Add(v => v.NamesContainers, true));

    private Task<EventStream> ConnectionAsync(int number) => connections[number - 1].Task.WaitAsync(Patience);

    private static IReadOnlyList<AngleSharp.Dom.IElement> WaitForLines(IRenderedComponent<LogView> view, int count)
    {
        view.WaitForAssertion(() => Assert.Equal(count, view.FindAll(".log-line").Count), Patience);
        return view.FindAll(".log-line");
    }

    private static string Line(int second, string text, string source = "stdout") => JsonSerializer.Serialize(new
    {
        type = "log", log = text, source, timestamp = Start + second, container = "/api/app/v1/container/c1/", name = "web-1",
    });
}
