using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Logs;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Functions.Logs;

/// <summary>
/// Docker Cloud's log streams over plain HTTP: a container's, a service's (its containers merged by time) and an
/// action's log. A finished read by default; <c>follow=true</c> with <c>Accept: text/event-stream</c> streams new lines.
/// Everything is checked (namespace, query, Last-Event-ID) before the response begins.
/// </summary>
public sealed class LogFunctions(LogSubjects subjects, ContainerLogFeed containerLogs, ActionLogFeed actionLogs, ApiKeyAuthenticator authenticator, IOptions<LogsOptions> options)
{
    [Function("ContainerLogs")]
    public Task<IResult> Container([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/app/v1/container/{uuid}/logs")] HttpRequest request, string uuid) =>
        ContainerLogsAsync(request, token => subjects.ContainerAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "container"), token));

    [Function("ServiceLogs")]
    public Task<IResult> Service([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/app/v1/service/{uuid}/logs")] HttpRequest request, string uuid) =>
        ContainerLogsAsync(request, token => subjects.ServiceAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "service"), token));

    [Function("ActionLogs")]
    public async Task<IResult> Action([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/action/{uuid}/logs")] HttpRequest request, string uuid)
    {
        var query = Query(request, defaultTail: null);
        var resume = query.LastEventId is { } id ? ActionLogCursor.Parse(id) : (ActionLogCursor?)null;
        var action = await actionLogs.GetAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "action"), request.HttpContext.RequestAborted);
        return query.Follow
            ? new ServerSentEvents(actionLogs.FollowAsync(action, query, resume, request.HttpContext.RequestAborted), FollowerCheck.Of(request, authenticator))
            : LogResults.Read(request, ActionLogFeed.Read(action, query), namesContainers: false);
    }

    /// <summary>A container's or a service's logs: the query is checked before the subject is looked up.</summary>
    private async Task<IResult> ContainerLogsAsync(HttpRequest request, Func<CancellationToken, Task<LogSubject>> find)
    {
        var query = Query(request, options.Value.DefaultTail);
        var subject = await find(request.HttpContext.RequestAborted);
        if (query.Follow)
        {
            var resume = query.LastEventId is { } id ? LogCursor.Parse(id) : null;
            return new ServerSentEvents(containerLogs.FollowAsync(subject, query, resume, request.HttpContext.RequestAborted), FollowerCheck.Of(request, authenticator));
        }

        var entries = await containerLogs.ReadAsync(subject, query, request.HttpContext.RequestAborted);
        return LogResults.Read(request, [.. entries.Select(LogMessage.From)], subject.NamesContainers);
    }

    /// <summary>The query, checked; following is only offered as server-sent events (without Accept: text/event-stream, a 400 says so).</summary>
    /// <param name="defaultTail">The tail of a request that names none (null: every line).</param>
    private LogQuery Query(HttpRequest request, int? defaultTail)
    {
        var query = LogQuery.Parse(ApiResults.Query(request), LogResults.LastEventId(request), options.Value.MaxTail, defaultTail);
        if (query.Follow && !LogResults.WantsEvents(request))
            throw new RequestValidationException("follow", "streams server-sent events: send it with Accept: text/event-stream (or leave follow out for a finished read).");
        return query;
    }
}
