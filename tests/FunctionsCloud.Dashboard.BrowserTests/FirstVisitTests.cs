using System.Collections.Concurrent;
using System.Diagnostics;
using FunctionsCloud.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FunctionsCloud.Dashboard.BrowserTests;

/// <summary>
/// What a first visit costs: the bytes the browser transfers (compressed, nothing cached) until the node cluster list
/// is shown to a signed-in tab, and how long that takes (reported for the README, not asserted: machines differ).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FirstVisitTests(ITestOutputHelper output)
{
    private const long MostBytes = 3_000_000;

    [Fact]
    public async Task The_first_visit_transfers_under_three_megabytes_until_the_node_clusters_show()
    {
        await using var app = await FunctionsCloudTestHost.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.Chromium.NewContextAsync();
        // A tab that is signed in already: its session storage holds the user and key, as after a sign-in.
        await context.AddInitScriptAsync($"sessionStorage.setItem('functionscloud.user', '{FunctionsCloudTestHost.AdminUser}'); sessionStorage.setItem('functionscloud.apikey', '{app.AdminKey}');");
        var page = await context.NewPageAsync();
        var responses = new ConcurrentQueue<IResponse>(); // Playwright reports them while the visit goes on
        // The event stream stays open for as long as the tab: its bytes are not the visit's.
        page.Response += (_, response) =>
        {
            if (!response.Url.Contains("/api/audit/v1/events/", StringComparison.Ordinal))
                responses.Enqueue(response);
        };

        // The server is warm, as a running installation is; the browser is cold.
        await WarmUpAsync(app);

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(app.Host.BaseAddress.ToString());
        await Expect(page.GetByText("No node clusters yet.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var shownAfter = clock.Elapsed;

        long bytes = 0;
        var visit = responses.ToArray();
        foreach (var response in visit)
            bytes += (await response.Request.SizesAsync()).ResponseBodySize;
        output.WriteLine($"First visit: {visit.Length} responses, {bytes:N0} bytes transferred, node clusters shown after {shownAfter.TotalMilliseconds:N0} ms.");
        Assert.InRange(bytes, 1, MostBytes);
        Assert.Contains(visit, r => r.Url.EndsWith(".wasm", StringComparison.Ordinal) && r.Headers.GetValueOrDefault("content-encoding") == "br");
    }

    private static async Task WarmUpAsync(FunctionsCloudTestHost app)
    {
        using var anonymous = app.NewClient();
        (await anonymous.GetAsync("/")).EnsureSuccessStatusCode();
        (await app.Client.GetAsync("/api/infra/v1/nodecluster/?limit=100&offset=0")).EnsureSuccessStatusCode();
    }
}
