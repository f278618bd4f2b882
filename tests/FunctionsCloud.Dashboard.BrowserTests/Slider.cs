using System.Globalization;
using Microsoft.Playwright;

namespace FunctionsCloud.Dashboard.BrowserTests;

/// <summary>Moves an &lt;input type=range&gt; as a person does: by mouse (press, move until it shows the value, let go) or by touch.</summary>
public static class Slider
{
    /// <summary>Drags it with the mouse.</summary>
    public static async Task DragToAsync(IPage page, ILocator slider, int target)
    {
        await slider.ScrollIntoViewIfNeededAsync();
        var box = (await slider.BoundingBoxAsync())!;
        var min = await NumberAsync(slider, "min");
        var max = await NumberAsync(slider, "max");
        var y = box.Y + box.Height / 2;
        var perStep = box.Width / (max - min);
        var x = box.X + perStep * (await ValueAsync(slider) - min) + perStep / 2;

        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        for (var tries = 0; tries < 40; tries++)
        {
            var value = await ValueAsync(slider);
            if (value == target)
                break;
            // Where the thumb lands depends on its width; move by what is still missing and look again.
            x = Math.Clamp(x + (target - value) * perStep * 0.8f, box.X, box.X + box.Width);
            await page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 3 });
        }
        Assert.Equal(target, await ValueAsync(slider));
        await page.Mouse.UpAsync();
    }

    /// <summary>A finger's tap on the track where <paramref name="target"/> lies; the thumb jumps there (to within a step or so).</summary>
    public static async Task TapAtAsync(IPage page, ILocator slider, int target)
    {
        await slider.ScrollIntoViewIfNeededAsync();
        var box = (await slider.BoundingBoxAsync())!;
        var min = await NumberAsync(slider, "min");
        var max = await NumberAsync(slider, "max");
        await page.Touchscreen.TapAsync(box.X + box.Width * (target - min + 0.5f) / (max - min + 1), box.Y + box.Height / 2);
    }

    private static async Task<int> ValueAsync(ILocator slider) => int.Parse(await slider.InputValueAsync(), CultureInfo.InvariantCulture);

    private static async Task<int> NumberAsync(ILocator slider, string attribute) =>
        int.Parse((await slider.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);
}
