using System.Net;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Cli.Tests.Output;

public sealed class ErrorReportTests
{
    [Fact]
    public void A_refused_field_prints_the_problem_and_each_field()
    {
        var problem = new ApiException(HttpStatusCode.BadRequest, "Invalid request", "The request has invalid fields.",
            new Dictionary<string, string[]> { ["target_num_containers"] = ["must be 0 or more."], ["image_name"] = ["is not an image reference."] });

        var (exitCode, lines) = ErrorReport.Of(problem, interrupted: false);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(["fc: Invalid request: The request has invalid fields.", "  image_name: is not an image reference.", "  target_num_containers: must be 0 or more."], lines);
    }

    [Fact]
    public void A_conflict_says_how_to_follow_the_action_in_flight()
    {
        var conflict = new ApiException(HttpStatusCode.Conflict, "Conflict",
            "Another operation is in flight: /api/audit/v1/action/3f9c21ab-0000-4000-8000-000000000000/", new Dictionary<string, string[]>());
        var (exitCode, lines) = ErrorReport.Of(conflict, interrupted: false);
        Assert.Equal(ExitCodes.Conflict, exitCode);
        Assert.Equal("  follow it with: fc action inspect 3f9c21ab", lines[^1]);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.BadInput)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, ExitCodes.BadInput)]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.TooManyRequests, ExitCodes.ServerError)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.ServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.ServerError)]
    public void Each_failure_class_has_its_exit_code(HttpStatusCode status, int expected) =>
        Assert.Equal(expected, ErrorReport.ExitCodeOf(status));

    [Fact]
    public void The_exit_codes_are_distinct()
    {
        int[] codes = [ExitCodes.Ok, ExitCodes.ActionFailed, ExitCodes.Usage, ExitCodes.BadInput, ExitCodes.Unauthorized, ExitCodes.NotFound,
            ExitCodes.Ambiguous, ExitCodes.Conflict, ExitCodes.ServerError, ExitCodes.Unreachable, ExitCodes.Unexpected, ExitCodes.Interrupted];
        Assert.Equal(codes.Length, codes.Distinct().Count());
    }

    [Fact]
    public void No_answer_and_no_stack_trace()
    {
        var (exitCode, lines) = ErrorReport.Of(new HttpRequestException("Connection refused (127.0.0.1:1)"), interrupted: false);
        Assert.Equal(ExitCodes.Unreachable, exitCode);
        Assert.Equal("fc: no answer from the API: Connection refused (127.0.0.1:1)", Assert.Single(lines));
        Assert.Equal(ExitCodes.Interrupted, ErrorReport.Of(new OperationCanceledException(), interrupted: true).ExitCode);
    }
}
