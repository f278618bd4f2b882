using FunctionsCloud.LocalHost.Configuration;

namespace FunctionsCloud.Dashboard.BrowserTests;

public static class ScreenshotFile
{
    /// <summary>The README's picture of the dashboard, made anew by each run so that it stays current.</summary>
    public static string InRepository() =>
        Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "src", "FunctionsCloud.Dashboard", "screenshot.png");

    /// <summary>Beside the test output, named after the test.</summary>
    public static string ForFailure(string test) =>
        Path.Combine(AppContext.BaseDirectory, "screenshots", $"{test}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
}
