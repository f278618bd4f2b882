using System.Text;
using System.Text.Json;
using FunctionsCloud.Application.Logs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FunctionsCloud.Functions.Logs;

/// <summary>
/// A follow stream as server-sent events (<c>text/event-stream</c>): each message one event with the id that resumes
/// after it (Last-Event-ID), flushed at once; a comment every 15 s while nothing comes, so that proxies keep the
/// connection. Ends when the stream does (its maximum duration, a finished action) or the client goes.
/// </summary>
public sealed class ServerSentEvents(IAsyncEnumerable<LogStreamItem> items) : IResult
{
    public const string MediaType = "text/event-stream";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = MediaType + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = httpContext.RequestAborted;
        try
        {
            await WriteAsync(response, "retry: 1000\n\n", aborted);
            var quietSince = Environment.TickCount64;
            await foreach (var item in items.WithCancellation(aborted))
            {
                if (item.Message is not null)
                    await WriteAsync(response, $"id: {item.Id}\ndata: {JsonSerializer.Serialize(item.Message)}\n\n", aborted);
                else if (Environment.TickCount64 - quietSince >= KeepAlive.TotalMilliseconds)
                    await WriteAsync(response, ": keep-alive\n\n", aborted);
                else
                    continue;
                quietSince = Environment.TickCount64;
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went: nothing more to say.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
