using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FunctionsCloud.Dashboard.BrowserTests;

/// <summary>axe on the page as it is shown: no serious or critical violation.</summary>
public static class AccessibilityScan
{
    public static async Task AssertCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, $"Accessibility violations on {what}:\n" + string.Join("\n",
            severe.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
