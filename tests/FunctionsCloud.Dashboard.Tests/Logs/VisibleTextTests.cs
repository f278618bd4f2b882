using FunctionsCloud.Dashboard.Logs;

namespace FunctionsCloud.Dashboard.Tests.Logs;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("plain text\twith a tab", "plain text\twith a tab")]
    [InlineData("\u001b[31mred\u001b[0m", "\u241b[31mred\u241b[0m")]
    [InlineData("bell\a, return\r, null\0, delete\u007f", "bell\u2407, return\u240d, null\u2400, delete\u2421")]
    [InlineData("c1 \u009b control", "c1 \uFFFD control")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void Control_characters_become_visible_symbols_and_the_rest_stays(string text, string shown) =>
        Assert.Equal(shown, VisibleText.Of(text));
}
