using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.EventStream;
using FunctionsCloud.Functions.Http;
using FunctionsCloud.Functions.Logs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.EventStream;

/// <summary>
/// Docker Cloud's event stream, <c>/api/audit/v1/events/</c>, over plain HTTP: with <c>Accept: text/event-stream</c>
/// it follows the namespace's changes as server-sent events (resuming after <c>Last-Event-ID</c>); otherwise it answers
/// the events after a point (<c>after</c>, <c>since</c>) as a list. Everything is checked before the response begins: a
/// point older than what the change log keeps is a 410 naming the oldest kept.
/// </summary>
public sealed class EventStreamFunctions(EventFeed feed, ApiKeyAuthenticator authenticator)
{
    [Function("StreamEvents")]
    public async Task<IResult> Stream([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/events")] HttpRequest request)
    {
        var query = EventQuery.Parse(ApiResults.Query(request), LogResults.LastEventId(request));
        var caller = request.Caller();
        await feed.EnsureKeptAsync(caller, query, request.HttpContext.RequestAborted);
        if (LogResults.WantsEvents(request))
        {
            var authorization = request.Headers.Authorization.FirstOrDefault();
            return new ServerSentEvents(
                feed.FollowAsync(caller, query, ct => StillAllowedAsync(authorization, ct), request.HttpContext.RequestAborted), FollowerCheck.Of(request, authenticator));
        }

        return ApiResults.List(request, query.List, await feed.ListAsync(caller, query, request.HttpContext.RequestAborted));
    }

    /// <summary>Whether the key that opened the stream still works (revocation reaches every instance within about 2 s).</summary>
    private async Task<bool> StillAllowedAsync(string? authorization, CancellationToken cancellationToken)
    {
        try
        {
            await authenticator.AuthenticateAsync(authorization, cancellationToken);
            return true;
        }
        catch (AuthenticationFailedException)
        {
            return false;
        }
    }
}
