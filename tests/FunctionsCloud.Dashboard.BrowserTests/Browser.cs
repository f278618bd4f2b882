using FunctionsCloud.LocalHost.Configuration;
using FunctionsCloud.Testing.Docker;
using Microsoft.Playwright;

namespace FunctionsCloud.Dashboard.BrowserTests;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (which cannot download browsers of its own here). A missing
/// browser is installed, or fails the tests; they never skip.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private Browser(IPlaywright playwright, IBrowser chromium) => (Playwright, Chromium) = (playwright, chromium);

    public IPlaywright Playwright { get; }
    public IBrowser Chromium { get; }

    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static async Task<Browser> LaunchAsync()
    {
        await Installed.Value;
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        return new Browser(playwright, chromium);
    }

    /// <summary>When the machine has no chromium, the repository's set-up script (.ci/chromium) installs it once; if that fails, so do the tests.</summary>
    private static async Task InstallAsync()
    {
        if (File.Exists(ChromiumPath))
            return;
        var script = Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, ".ci", "chromium");
        var (exitCode, output) = await ProcessRunner.RunAsync("bash", script);
        if (exitCode != 0 || !File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No browser at {ChromiumPath}; {script} said ({exitCode}): {output}");
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        Playwright.Dispose();
    }
}
