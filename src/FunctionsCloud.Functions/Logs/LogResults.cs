using FunctionsCloud.Application.Logs;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionsCloud.Functions.Logs;

/// <summary>A finished read of logs: a JSON array of log messages, or plain text, one line each, when the client accepts text/plain and not JSON.</summary>
public static class LogResults
{
    public static IResult Read(HttpRequest request, IReadOnlyList<LogMessage> messages, bool namesContainers) =>
        WantsText(request)
            ? Results.Text(string.Concat(messages.Select(m => m.ToText(namesContainers) + "\n")), "text/plain; charset=utf-8")
            : ApiResults.Ok(messages);

    /// <summary>Whether the client asked for server-sent events (<c>Accept: text/event-stream</c>).</summary>
    public static bool WantsEvents(HttpRequest request) => Accepts(request, ServerSentEvents.MediaType);

    /// <summary>Whether a downloaded log is wanted as NDJSON of log messages rather than text.</summary>
    public static bool WantsNdjson(HttpRequest request) => Accepts(request, LogFile.NdjsonMediaType);

    public static string? LastEventId(HttpRequest request) => request.Headers["Last-Event-ID"].FirstOrDefault();

    private static bool WantsText(HttpRequest request) => Accepts(request, "text/plain") && !Accepts(request, "application/json");

    private static bool Accepts(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
}
