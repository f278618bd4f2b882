using System.Net;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Dashboard.Stackfiles;

namespace FunctionsCloud.Dashboard.Tests.Stacks;

public sealed class StackfileProblemTests
{
    private const string Stackfile = "web:\n  imgae: functionscloud/busybox\n  links:\n    - cache\r\ndb:\n  image: functionscloud/busybox\n";

    [Fact]
    public void A_message_led_by_its_place_gives_its_line_and_column()
    {
        var problem = StackfileProblem.Parse("web.imgae", "line 2, column 3: 'imgae' is not a stackfile key; known keys are image, ports.");

        Assert.Equal(new StackfileProblem(2, 3, "web.imgae", "'imgae' is not a stackfile key; known keys are image, ports."), problem);
        Assert.Equal("imgae: functionscloud/busybox", problem.QuoteFrom(Stackfile));
    }

    [Fact]
    public void A_message_without_a_place_is_of_the_whole_stackfile()
    {
        var problem = StackfileProblem.Parse("stackfile", "is empty: it needs at least one service.");

        Assert.Equal(new StackfileProblem(null, null, "stackfile", "is empty: it needs at least one service."), problem);
        Assert.Null(problem.QuoteFrom(Stackfile));
    }

    [Fact]
    public void A_line_the_text_does_not_have_is_not_quoted()
    {
        Assert.Null(StackfileProblem.Parse("web", "line 40, column 1: far away.").QuoteFrom(Stackfile));
        Assert.Null(StackfileProblem.Parse("web", "line 0, column 1: before the start.").QuoteFrom(Stackfile));
    }

    [Fact]
    public void A_refusal_lists_the_stackfile_problems_by_line_and_leaves_the_stacks_name_to_its_field()
    {
        var refusal = new ApiException(HttpStatusCode.BadRequest, "Bad request", "…", new Dictionary<string, string[]>
        {
            ["web.links"] = ["line 4, column 7: links to 'cache', which is not a service of the stack."],
            ["name"] = ["is required."],
            ["web.imgae"] = ["line 2, column 3: 'imgae' is not a stackfile key."],
            ["stackfile"] = ["holds a problem without a place."],
        });

        var problems = StackfileProblem.Of(refusal);

        Assert.Equal(["stackfile", "web.imgae", "web.links"], problems.Select(p => p.Place));
        Assert.Equal([null, 2, 4], problems.Select(p => p.Line));
        Assert.Equal("- cache", problems[2].QuoteFrom(Stackfile));
    }
}
