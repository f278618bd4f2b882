using System.Text;
using System.Text.Json;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Logs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FunctionsCloud.Functions.Logs;

/// <summary>
/// A follow stream as server-sent events (<c>text/event-stream</c>): each message one event with the id that resumes
/// after it (Last-Event-ID), flushed at once; a comment every 15 s while nothing comes, so that proxies keep the
/// connection. When what is followed has ended (an action), an <c>end</c> event says so: a client reconnects after
/// any other end. The caller is checked again at most every second (<paramref name="stillAllowed"/> throws once
/// the key is revoked or expired), and the stream ends then. Ends when the stream does (its maximum duration) or the
/// client goes.
/// </summary>
public sealed class ServerSentEvents(IAsyncEnumerable<IStreamItem> items, Func<CancellationToken, Task> stillAllowed) : IResult
{
    public const string MediaType = "text/event-stream";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);

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
            var (quietSince, checkedAt) = (Environment.TickCount64, Environment.TickCount64);
            await foreach (var item in items.WithCancellation(aborted))
            {
                if (Environment.TickCount64 - checkedAt >= RecheckEvery.TotalMilliseconds)
                {
                    await stillAllowed(aborted);
                    checkedAt = Environment.TickCount64;
                }

                if (item.Ended)
                    await WriteAsync(response, "event: end\ndata: {}\n\n", aborted);
                else if (item.Data is not null)
                    await WriteAsync(response, $"id: {item.Id}\ndata: {JsonSerializer.Serialize(item.Data, item.Data.GetType(), ApiJson.Options)}\n\n", aborted);
                else if (item.Id is not null)
                    await WriteAsync(response, $"id: {item.Id}\n\n", aborted); // where the stream stands: a reconnect resumes there
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
        catch (AuthenticationFailedException)
        {
            // The key was revoked or expired while streaming: the stream ends, and a reconnect gets the 401.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
