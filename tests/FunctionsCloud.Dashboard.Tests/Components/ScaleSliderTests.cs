using FunctionsCloud.Dashboard.Components;
using FunctionsCloud.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FunctionsCloud.Dashboard.Tests.Components;

public sealed class ScaleSliderTests : DashboardTestContext
{
    private readonly List<int> commits = [];

    private IRenderedComponent<ScaleSlider> RenderSlider(int value = 1, string? inFlight = null) =>
        Render<ScaleSlider>(p => p
            .Add(s => s.Label, "Nodes")
            .Add(s => s.Unit, "nodes")
            .Add(s => s.Value, value)
            .Add(s => s.Max, 10)
            .Add(s => s.InFlightAction, inFlight)
            .Add(s => s.OnCommit, EventCallback.Factory.Create<int>(this, n => commits.Add(n))));

    [Fact]
    public void Dragging_with_the_mouse_commits_once_on_release_with_the_value_let_go_at()
    {
        var slider = RenderSlider(value: 1).Find("input[type=range]");

        slider.PointerDown();
        slider.Input("2");
        slider.Input("3");
        Assert.Empty(commits);
        slider.Input("4");
        slider.Change("4");

        Assert.Equal([4], commits);
    }

    [Fact]
    public void The_value_shows_while_dragging_before_anything_is_sent()
    {
        var cut = RenderSlider(value: 1);

        cut.Find("input[type=range]").Input("7");

        Assert.Equal("7", cut.Find("output").TextContent);
        Assert.Equal("7 nodes", cut.Find("input[type=range]").GetAttribute("aria-valuetext"));
        Assert.Empty(commits);
    }

    [Fact]
    public void Keyboard_steps_commit_once_when_the_keys_have_rested()
    {
        var cut = RenderSlider(value: 1);
        var slider = cut.Find("input[type=range]");

        foreach (var value in new[] { "2", "3", "4" })
        {
            slider.KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
            slider.Input(value);
            slider.Change(value);
        }
        Assert.Empty(commits);

        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal([4], commits));
    }

    [Fact]
    public void Enter_commits_a_keyboard_step_at_once()
    {
        var slider = RenderSlider(value: 5).Find("input[type=range]");

        slider.KeyDown(new KeyboardEventArgs { Key = "End" });
        slider.Input("10");
        slider.Change("10");
        slider.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal([10], commits);
    }

    [Fact]
    public void Letting_go_where_it_started_sends_nothing()
    {
        var slider = RenderSlider(value: 3).Find("input[type=range]");

        slider.PointerDown();
        slider.Input("6");
        slider.Input("3");
        slider.Change("3");

        Assert.Empty(commits);
    }

    [Fact]
    public void While_an_operation_is_in_flight_the_slider_is_disabled_and_names_it()
    {
        var cut = RenderSlider(value: 2, inFlight: "/api/audit/v1/action/6f1c3a52-9a7e-4c44-8f0e-2b9d8f6b1d2e/");

        Assert.True(cut.Find("input[type=range]").HasAttribute("disabled"));
        var link = cut.Find(".in-flight a");
        Assert.Equal("actions/6f1c3a52-9a7e-4c44-8f0e-2b9d8f6b1d2e", link.GetAttribute("href"));
    }

    [Fact]
    public void It_is_labelled_for_assistive_technology()
    {
        var cut = RenderSlider();

        var slider = cut.Find("input[type=range]");
        Assert.Equal(slider.Id, cut.Find("label").GetAttribute("for"));
        Assert.Contains("Nodes", cut.Find("label").TextContent);
    }

    [Fact]
    public void A_refused_commit_returns_to_the_value_the_object_has()
    {
        var cut = Render<ScaleSlider>(p => p
            .Add(s => s.Label, "Nodes")
            .Add(s => s.Value, 2)
            .Add(s => s.OnCommit, EventCallback.Factory.Create<int>(this, _ => { })));
        var slider = cut.Find("input[type=range]");

        slider.PointerDown();
        slider.Input("8");
        slider.Change("8");
        cut.Render(p => p.Add(s => s.Value, 2));

        Assert.Equal("2", cut.Find("output").TextContent);
    }
}
