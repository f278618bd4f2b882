using FunctionsCloud.Cli.Output;
using FunctionsCloud.Cli.Tests.Support;

namespace FunctionsCloud.Cli.Tests.Output;

public sealed class ActionProgressTests
{
    [Fact]
    public void Without_a_terminal_each_new_state_and_log_line_is_one_plain_line()
    {
        var writer = new StringWriter();
        var lines = new ActionProgress.PlainLines(writer);

        lines.Show(Samples.Action("Pending"), "");
        lines.Show(Samples.Action("In progress"), "Scaling to 3\n");
        lines.Show(Samples.Action("In progress"), "Scaling to 3\n");
        lines.Show(Samples.Action("In progress"), "Scaling to 3\n1 of 3 running\n");
        lines.Show(Samples.Action("Success"), "Scaling to 3\n1 of 3 running\n3 of 3 running\n");

        Assert.Equal(
            ["Service Scale: Pending", "Service Scale: In progress", "  Scaling to 3", "  1 of 3 running", "  3 of 3 running"],
            writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_spinner_shows_the_state_and_the_latest_log_line()
    {
        Assert.Equal("Service Scale: In progress: 2 of 3 running", ActionProgress.Headline(Samples.Action("In progress"), "Scaling\n2 of 3 running\n\n"));
        Assert.Equal("Service Scale: Pending", ActionProgress.Headline(Samples.Action("Pending"), ""));
    }
}
