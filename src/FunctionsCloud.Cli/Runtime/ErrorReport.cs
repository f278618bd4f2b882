using System.Net;
using System.Text.Json;
using FunctionsCloud.Cli.Output;
using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Cli.Runtime;

/// <summary>
/// Turns what went wrong into an exit code and a few lines for stderr: the API's problem title and detail with each
/// refused field, or what fc itself found. Never a stack trace, never the API key.
/// </summary>
public static class ErrorReport
{
    public static (int ExitCode, IReadOnlyList<string> Lines) Of(Exception error, bool interrupted) => error switch
    {
        OperationCanceledException when interrupted => (ExitCodes.Interrupted, ["fc: interrupted."]),
        CliException e => (e.ExitCode, [$"fc: {e.Message}"]),
        ApiException e => (ExitCodeOf(e.Status), Problem(e)),
        HttpRequestException e => (ExitCodes.Unreachable, [$"fc: no answer from the API: {e.Message}"]),
        TaskCanceledException => (ExitCodes.Unreachable, ["fc: the API did not answer in time."]),
        JsonException => (ExitCodes.ServerError, ["fc: the answer was not the API's (is the URL right?)."]),
        _ => (ExitCodes.Unexpected, [$"fc: {error.GetType().Name}: {error.Message}"]),
    };

    public static int ExitCodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Unauthorized,
        HttpStatusCode.NotFound => ExitCodes.NotFound,
        HttpStatusCode.Conflict => ExitCodes.Conflict,
        HttpStatusCode.TooManyRequests => ExitCodes.ServerError,
        >= HttpStatusCode.InternalServerError => ExitCodes.ServerError,
        _ => ExitCodes.BadInput,
    };

    /// <summary>"fc: Bad request: ..." then one line per refused field, and how to follow an action in flight.</summary>
    public static IReadOnlyList<string> Problem(ApiException e)
    {
        var lines = new List<string> { e.Title == e.Message ? $"fc: {e.Message}" : $"fc: {e.Title}: {e.Message}" };
        foreach (var (field, messages) in e.Errors.OrderBy(f => f.Key, StringComparer.Ordinal))
            lines.AddRange(messages.Select(m => $"  {field}: {m}"));
        if (e.IsConflict && e.ActionInFlight is { } action)
            lines.Add($"  follow it with: fc action inspect {Formats.ShortOf(action)}");
        return lines;
    }
}
