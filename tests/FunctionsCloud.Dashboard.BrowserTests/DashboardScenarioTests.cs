using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FunctionsCloud.Dashboard.BrowserTests;

/// <summary>
/// A person at the dashboard: signs in, makes a local node cluster in the wizard, drags sliders, runs a web service
/// whose containers answer, reads an action's log, meets a conflict and a refused field, runs a stack from a
/// stackfile, and signs out. The real app
/// on the local host, real agents and the real Docker engine; axe on every page; a screenshot when it fails.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardScenarioTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private FunctionsCloudTestHost app = null!;
    private Browser browser = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        app = await FunctionsCloudTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["FunctionsCloud:HeartbeatIntervalSeconds"] = "1",
            ["FunctionsCloud:RegistrationTimeoutSeconds"] = "60",
            ["FunctionsCloud:ContainerTimeoutSeconds"] = "90",
        });
        browser = await Browser.LaunchAsync();
        page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, HasTouch = true });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                output.WriteLine($"Browser console: {message.Text}");
        };
    }

    [Fact]
    public async Task Operating_clusters_and_services_by_mouse_and_keyboard()
    {
        try
        {
            await SignInAsync();
            await CreateClusterInTheWizardAsync();
            await ScaleClusterWithTheSliderAsync();
            var service = await CreateWebServiceAsync();
            await ScaleServiceWithTheSliderAsync(service, 4);
            await ContainersAnswerAtTheirPortLinksAsync(4);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotFile.InRepository(), FullPage = false });
            await ScaleServiceWithTheSliderAsync(service, 1);
            await ReadAnActionsLogAsync();
            await ScaleWhileAnotherOperationRunsAsync(service);
            await RefusedImageIsShownAtItsFieldAsync();
            await FollowAServicesLogAsync();
            await MakeCopyUseAndRevokeAReadOnlyKeyAsync();
            await ServicesFollowChangesMadeElsewhereAsync();
            await RunAStackFromAStackfileAsync();
            await VisitEveryPageAsync();
            await RefusedKeyBringsTheSignInBackAsync();
            await SignOutAsync();
        }
        catch
        {
            var file = ScreenshotFile.ForFailure(nameof(Operating_clusters_and_services_by_mouse_and_keyboard));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output.WriteLine($"Screenshot of the failure: {file}");
            throw;
        }
    }

    private async Task SignInAsync()
    {
        await page.GotoAsync(app.Host.BaseAddress.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await AccessibilityScan.AssertCleanAsync(page, "the sign-in");
        await page.GetByLabel("User", new() { Exact = true }).FillAsync(FunctionsCloudTestHost.AdminUser);
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(app.AdminKey);
        await page.GetByLabel("API key", new() { Exact = true }).PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Node clusters" })).ToBeVisibleAsync();
        Assert.DoesNotContain(app.AdminKey, page.Url);
        await Expect(page.Locator(".who .key-standing")).ToHaveTextAsync("Role: admin, namespace: admin");
    }

    private async Task CreateClusterInTheWizardAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New node cluster" }).ClickAsync();
        await Expect(page.GetByLabel("Region", new() { Exact = true })).ToHaveValueAsync("/api/infra/v1/region/local/local/");
        await AccessibilityScan.AssertCleanAsync(page, "the node cluster wizard");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("web");
        await page.GetByLabel("Nodes", new() { Exact = true }).FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and deploy" }).ClickAsync();
        await Expect(Cluster().GetByText("1 of 1 nodes", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Cluster().Locator("h2 .state")).ToHaveTextAsync("Deployed");
    }

    private async Task ScaleClusterWithTheSliderAsync()
    {
        await Expect(Cluster().GetByRole(AriaRole.Slider)).ToBeEnabledAsync();
        await Slider.DragToAsync(page, Cluster().GetByRole(AriaRole.Slider), 3);
        await Expect(Cluster().GetByText("3 of 3 nodes", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Cluster().Locator("h2 .state")).ToHaveTextAsync("Deployed");
        await AccessibilityScan.AssertCleanAsync(page, "the node clusters");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nodes", Exact = true }).ClickAsync();
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = "Deployed" })).ToHaveCountAsync(3);
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync(new Regex(@"\d+ s ago|just now"));
        await AccessibilityScan.AssertCleanAsync(page, "the nodes");
    }

    private async Task<string> CreateWebServiceAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New service" }).ClickAsync();
        await page.GetByLabel("Image", new() { Exact = true }).FillAsync("functionscloud/busybox");
        await page.GetByLabel("Name (default: from the image)").FillAsync("web");
        await page.GetByLabel("Deployment strategy", new() { Exact = true }).SelectOptionAsync("HIGH_AVAILABILITY");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a port" }).ClickAsync();
        await Expect(page.GetByLabel("Container port", new() { Exact = true })).ToHaveValueAsync("80");
        await AccessibilityScan.AssertCleanAsync(page, "the new service form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and start" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "web" })).ToBeVisibleAsync();
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = "Running" })).ToHaveCountAsync(1);
        return page.Url;
    }

    private async Task ScaleServiceWithTheSliderAsync(string serviceUrl, int containers)
    {
        Assert.Equal(serviceUrl, page.Url);
        var slider = page.GetByRole(AriaRole.Slider);
        await Expect(slider).ToBeEnabledAsync();
        await Slider.DragToAsync(page, slider, containers);
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(containers);
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = "Running" })).ToHaveCountAsync(containers);
        await Expect(slider).ToBeEnabledAsync();
        await AccessibilityScan.AssertCleanAsync(page, "the service");
    }

    private async Task ContainersAnswerAtTheirPortLinksAsync(int containers)
    {
        var links = await page.Locator("a.port").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Equal(containers, links.Length);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var link in links)
        {
            await Eventually.HoldsAsync(async () =>
            {
                try
                {
                    return (await http.GetAsync(link)).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(30), $"the container at {link} to answer HTTP");
        }
    }

    private async Task ReadAnActionsLogAsync()
    {
        await page.Locator(".action-progress a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Service Scale" })).ToBeVisibleAsync();
        await Expect(page.Locator("pre.log")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("h1 .state")).ToHaveTextAsync("Success");
        await AccessibilityScan.AssertCleanAsync(page, "an action");
        await page.GoBackAsync();
    }

    /// <summary>
    /// Another user redeploys while this tab sits in the background (its lists paused): the slider is still enabled
    /// here, a tap on it sends a scale, and the API's 409 names the action in flight.
    /// </summary>
    private async Task ScaleWhileAnotherOperationRunsAsync(string serviceUrl)
    {
        await page.GotoAsync(serviceUrl);
        var slider = page.GetByRole(AriaRole.Slider);
        await Expect(slider).ToBeEnabledAsync();
        await page.EvaluateAsync("() => { Object.defineProperty(document, 'hidden', { value: true, configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");

        var uuid = serviceUrl.TrimEnd('/').Split('/')[^1];
        var redeploy = await app.Client.PostAsync($"/api/app/v1/service/{uuid}/redeploy/", null);
        await FunctionsCloudTestHost.ExpectAsync(redeploy, HttpStatusCode.Accepted);
        var inFlight = FunctionsCloudTestHost.ActionUri(redeploy);

        await Slider.TapAtAsync(page, slider, 3); // by touch this time
        Assert.NotEqual("1", await slider.InputValueAsync());
        var message = page.Locator(".message.error");
        await Expect(message).ToContainTextAsync("Another operation is in progress");
        await Expect(message).ToContainTextAsync(inFlight);
        await AccessibilityScan.AssertCleanAsync(page, "the service with a conflict shown");
        await app.WaitForActionAsync(inFlight, Patience);
        await page.EvaluateAsync("() => { Object.defineProperty(document, 'hidden', { value: false, configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");
    }

    private async Task RefusedImageIsShownAtItsFieldAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New service" }).ClickAsync();
        await page.GetByLabel("Image", new() { Exact = true }).FillAsync("Not An Image!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and start" }).ClickAsync();
        await Expect(page.Locator("#image-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Image", new() { Exact = true })).ToHaveValueAsync("Not An Image!");
        await AccessibilityScan.AssertCleanAsync(page, "the new service form with a refused field");
    }

    /// <summary>
    /// A service that prints (from the new service form, where the refused image left it): its page follows its log
    /// as lines are printed; Pause (by keyboard) holds new lines back, Resume shows them; Download saves the log; what
    /// the container prints is shown as text, never as markup.
    /// </summary>
    private async Task FollowAServicesLogAsync()
    {
        await page.GetByLabel("Image", new() { Exact = true }).FillAsync("functionscloud/busybox");
        await page.GetByLabel("Name (default: from the image)").FillAsync("printer");
        await page.GetByLabel("Run command (default: the image's)").FillAsync(
            "sh -c 'i=0; while true; do i=$((i+1)); echo \"line $i <b>bold</b>\"; echo \"warning $i\" >&2; sleep 1; done'");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and start" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "printer" })).ToBeVisibleAsync();
        var log = page.GetByRole(AriaRole.Log, new() { Name = "Log of printer" });
        await Expect(log.Locator(".log-line").Filter(new() { HasText = "line 3 <b>bold</b>" })).ToHaveCountAsync(1);
        await Expect(log.Locator("b")).ToHaveCountAsync(0);
        await Expect(log.Locator(".log-line[data-source=stderr]").First).ToContainTextAsync("warning");
        await AccessibilityScan.AssertCleanAsync(page, "a service's log");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var status = page.Locator(".log-status");
        await Expect(status).ToContainTextAsync("Paused");
        var shown = await log.Locator(".log-line").CountAsync();
        await Expect(status).ToHaveTextAsync(new Regex(@"^Paused: [1-9][\d,]* new lines? waiting"));
        Assert.Equal(shown, await log.Locator(".log-line").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(log.Locator(".log-line")).Not.ToHaveCountAsync(shown);
        await Expect(status).ToHaveTextAsync("Following");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        Assert.Matches(@"^printer-\d{8}-\d{6}\.log$", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Matches(@"Z stdout printer-1 line 1 <b>bold</b>\n", saved);
        Assert.Matches(@"Z stderr printer-1 warning 1\n", saved);
        // The whole log, from its first line on, in order.
        var numbers = Regex.Matches(saved, @" stdout printer-1 line (\d+) ").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.True(numbers.Count >= 3, $"{numbers.Count} lines saved");
    }

    /// <summary>
    /// A key made on the API keys page (read-only, expiring in a day), copied with its button, used to sign in in
    /// another tab, where sliders and operations are disabled saying the operator role is needed; then revoked by
    /// keyboard after the confirmation, after which that tab's key is refused.
    /// </summary>
    private async Task MakeCopyUseAndRevokeAReadOnlyKeyAsync()
    {
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Key bootstrap" })).ToBeVisibleAsync();
        await page.GetByLabel("Label", new() { Exact = true }).FillAsync("browser-reader");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("read-only");
        await page.GetByLabel("Expires", new() { Exact = true }).SelectOptionAsync("1 day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        var shown = page.Locator(".new-key .copy-text code");
        await Expect(shown).ToHaveTextAsync(new Regex(@"^\S{20,}$"));
        var key = await shown.TextContentAsync();
        await page.Locator(".new-key").GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(page.Locator(".new-key").GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied to the clipboard.");
        Assert.Equal(key, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Key browser-reader" })).ToContainTextAsync("read-only");
        await AccessibilityScan.AssertCleanAsync(page, "the API keys with a new key shown");

        var reader = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            await reader.GotoAsync(app.Host.BaseAddress.ToString());
            await reader.GetByLabel("User", new() { Exact = true }).FillAsync(FunctionsCloudTestHost.AdminUser);
            await reader.GetByLabel("API key", new() { Exact = true }).FillAsync(key!);
            await reader.GetByLabel("API key", new() { Exact = true }).PressAsync("Enter");
            var cluster = reader.GetByRole(AriaRole.Listitem, new() { Name = "Node cluster web" });
            await Expect(cluster.Locator(".needs-role")).ToHaveTextAsync("needs the operator role");
            await Expect(cluster.GetByRole(AriaRole.Slider)).ToBeDisabledAsync();
            await Expect(cluster.GetByRole(AriaRole.Button, new() { Name = "Terminate" })).ToBeDisabledAsync();
            await Expect(reader.GetByRole(AriaRole.Button, new() { Name = "New node cluster" })).ToBeDisabledAsync();
            await AccessibilityScan.AssertCleanAsync(reader, "the node clusters to a read-only key");

            await page.Locator(".new-key").GetByRole(AriaRole.Button, new() { Name = "Done, I have copied it" }).ClickAsync();
            await Expect(page.Locator(".new-key")).ToHaveCountAsync(0);
            var row = page.GetByRole(AriaRole.Row, new() { Name = "Key browser-reader" });
            await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await row.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
            await Expect(row).ToHaveCountAsync(0);

            await reader.ReloadAsync();
            await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        }
        finally
        {
            await reader.CloseAsync();
        }
    }

    /// <summary>
    /// The services list follows the event stream ("Live"): a service created, scaled and terminated through the API,
    /// not this page, shows on it without a reload; a change of one service reads that service alone; and while live
    /// the page reads no list on a timer (it read one every 3 s when it polled).
    /// </summary>
    private async Task ServicesFollowChangesMadeElsewhereAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).ClickAsync();
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = "printer" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Live" })).ToHaveTextAsync("Live");
        var (listReads, serviceReads) = (0, 0);
        void Count(object? sender, IRequest request)
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (request.Method == "GET" && path == "/api/app/v1/service/")
                Interlocked.Increment(ref listReads);
            else if (request.Method == "GET" && path.StartsWith("/api/app/v1/service/", StringComparison.Ordinal))
                Interlocked.Increment(ref serviceReads);
        }
        page.Request += Count;
        try
        {
            using var created = await app.Client.PostAsJsonAsync("/api/app/v1/service/", new { name = "elsewhere", image_name = "functionscloud/busybox", target_num_containers = 1 });
            await FunctionsCloudTestHost.ExpectAsync(created, HttpStatusCode.Created);
            var uri = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["resource_uri"]!;
            var row = page.Locator("tbody tr").Filter(new() { HasText = "elsewhere" });
            await Expect(row).ToContainTextAsync("0 running of 1");
            var listReadsAfterCreation = Volatile.Read(ref listReads);
            Assert.InRange(listReadsAfterCreation, 1, 2);

            using var scaled = await app.Client.PatchAsJsonAsync(uri, new { target_num_containers = 2 });
            Assert.True(scaled.IsSuccessStatusCode, $"Scaling {uri}: {scaled.StatusCode}");
            await Expect(row).ToContainTextAsync("0 running of 2");
            Assert.True(Volatile.Read(ref serviceReads) >= 1, "The scaled service was not read again by itself.");
            // An absence shows only over a while: three periods of the polling it replaces.
            await page.WaitForTimeoutAsync(9_000);
            Assert.Equal(listReadsAfterCreation, Volatile.Read(ref listReads));

            using var terminated = await app.Client.DeleteAsync(uri);
            Assert.True(terminated.IsSuccessStatusCode, $"Terminating {uri}: {terminated.StatusCode}");
            await Expect(row).ToHaveCountAsync(0);
        }
        finally
        {
            page.Request -= Count;
        }
    }

    /// <summary>
    /// A stackfile pasted with a mistake: the API's problem shows beside it at its line; fixed, it makes a stack that
    /// runs; one service's slider scales that service; the stack is exported (shown and downloaded) and terminated.
    /// </summary>
    private async Task RunAStackFromAStackfileAsync()
    {
        const string stackfile = "front:\n  image: functionscloud/busybox\n  links:\n    - store\nstore:\n  image: functionscloud/busybox\n";
        await page.GetByRole(AriaRole.Link, new() { Name = "Stacks", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New stack" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("shop");
        var text = page.GetByRole(AriaRole.Textbox, new() { Name = "Stackfile" });
        var mistyped = stackfile.Replace("store:\n  image:", "store:\n  imgae:", StringComparison.Ordinal);
        await text.FillAsync(mistyped);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and start" }).ClickAsync();
        var problems = page.Locator("#stackfile-problems li");
        await Expect(problems).ToHaveCountAsync(2); // the unknown key, and a service without an image
        var atLine = problems.Filter(new() { HasText = "Line 6, column 3" });
        await Expect(atLine).ToContainTextAsync("'imgae' is not a stackfile key");
        await Expect(atLine.Locator("code")).ToHaveTextAsync("imgae: functionscloud/busybox");
        await Expect(text).ToHaveValueAsync(mistyped);
        await AccessibilityScan.AssertCleanAsync(page, "the new stack form with a refused line");

        await text.FillAsync(stackfile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and start" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "shop" })).ToBeVisibleAsync();
        await Expect(page.Locator("h1 .state")).ToHaveTextAsync("Running");
        var front = page.GetByRole(AriaRole.Listitem, new() { Name = "Service front" });
        await Expect(front).ToContainTextAsync("1 running of 1");
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Service store" })).ToContainTextAsync("1 running of 1");
        await Slider.DragToAsync(page, front.GetByRole(AriaRole.Slider), 2);
        await Expect(front).ToContainTextAsync("2 running of 2");
        await AccessibilityScan.AssertCleanAsync(page, "a stack");

        await page.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync();
        var exported = page.GetByLabel("Stackfile of shop");
        await Expect(exported).ToContainTextAsync("target_num_containers: 2");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        Assert.Equal("shop.yml", download.SuggestedFilename);
        Assert.Equal(await exported.TextContentAsync(), await File.ReadAllTextAsync(await download.PathAsync()));

        await page.GetByRole(AriaRole.Link, new() { Name = "Stacks", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "shop" });
        await Expect(row).ToContainTextAsync("front, store");
        await AccessibilityScan.AssertCleanAsync(page, "the stacks");
        await row.GetByRole(AriaRole.Link, new() { Name = "shop" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Terminate" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, terminate" }).ClickAsync();
        await Expect(page.Locator("h1 .state")).ToHaveTextAsync("Terminated");
        await page.GetByRole(AriaRole.Link, new() { Name = "Stacks", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No stacks yet.")).ToBeVisibleAsync();
    }

    private async Task VisitEveryPageAsync()
    {
        foreach (var (link, heading) in new[] { ("Actions", "Actions"), ("Events", "Events"), ("Providers", "Providers"), ("Users", "Users"), ("Organizations", "Organizations") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("Loading…")).ToHaveCountAsync(0);
            await AccessibilityScan.AssertCleanAsync(page, $"the {heading.ToLowerInvariant()}");
            if (link == "Users")
                await TheOnlyAdministratorIsKeptAsync();
        }
        await page.SetViewportSizeAsync(375, 800);
        await page.GetByRole(AriaRole.Link, new() { Name = "Node clusters" }).ClickAsync();
        await Expect(Cluster().GetByRole(AriaRole.Slider)).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The node clusters page is wider than a 375 px screen.");
        await AccessibilityScan.AssertCleanAsync(page, "the node clusters at 375 px");
    }

    /// <summary>The installation's only administrator is not offered what the API would refuse, and the page says why.</summary>
    private async Task TheOnlyAdministratorIsKeptAsync()
    {
        var admin = page.GetByRole(AriaRole.Row, new() { Name = $"User {FunctionsCloudTestHost.AdminUser}", Exact = true });
        foreach (var control in new[] { "Remove administrator", "Suspend", "Remove" })
            await Expect(admin.GetByRole(AriaRole.Button, new() { Name = control, Exact = true })).ToBeDisabledAsync();
        await Expect(admin.GetByText("not offered: the only administrator")).ToBeVisibleAsync();
    }

    /// <summary>A key the API refuses (here: changed in the tab's storage) brings the sign-in back, saying why.</summary>
    private async Task RefusedKeyBringsTheSignInBackAsync()
    {
        await page.EvaluateAsync("() => sessionStorage.setItem('functionscloud.apikey', 'not-the-key')");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("refused");
        await AccessibilityScan.AssertCleanAsync(page, "the sign-in after a refused key");
        await page.GetByLabel("User", new() { Exact = true }).FillAsync(FunctionsCloudTestHost.AdminUser);
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(app.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Node clusters" })).ToBeVisibleAsync();
    }

    private async Task SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var stored = await page.EvaluateAsync<int>("() => sessionStorage.length");
        Assert.Equal(0, stored);
    }

    private ILocator Cluster() => page.GetByRole(AriaRole.Listitem, new() { Name = "Node cluster web" });

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }
}
