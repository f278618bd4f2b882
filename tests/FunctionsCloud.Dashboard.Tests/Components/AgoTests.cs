using FunctionsCloud.Dashboard.Components;
using FunctionsCloud.Dashboard.Tests.Support;

namespace FunctionsCloud.Dashboard.Tests.Components;

public sealed class AgoTests : DashboardTestContext
{
    [Fact]
    public void The_age_counts_on_without_the_page_being_drawn_again()
    {
        var ago = Render<Ago>(p => p.Add(a => a.At, Clock.GetUtcNow() - TimeSpan.FromSeconds(5)));
        Assert.Equal("5 s ago", ago.Find("time").TextContent);

        Clock.Advance(TimeSpan.FromSeconds(1));
        ago.WaitForAssertion(() => Assert.Equal("6 s ago", ago.Find("time").TextContent));
        Clock.Advance(TimeSpan.FromSeconds(90));
        ago.WaitForAssertion(() => Assert.Equal("1 min ago", ago.Find("time").TextContent));
    }
}
