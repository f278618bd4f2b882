using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Functions.Tests.Support;

/// <summary>
/// A reverse proxy in front of the control plane that loses the answers to the first calls of one path: the request
/// reaches the server, which commits and answers, then the proxy drops the agent's connection instead of answering.
/// </summary>
public sealed class AnswerDroppingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private int _dropsLeft;
    private int _calls;

    private AnswerDroppingProxy(WebApplication app, HttpClient upstream, int drops) => (_app, _upstream, _dropsLeft) = (app, upstream, drops);

    public Uri Url => new(_app.Urls.First());

    /// <summary>How many calls of the path reached the server.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The server's answers to those calls, in order (the dropped ones included).</summary>
    public List<HttpStatusCode> Answers { get; } = [];

    public static async Task<AnswerDroppingProxy> StartAsync(Uri upstream, string path, int drops)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new AnswerDroppingProxy(app, new HttpClient { BaseAddress = upstream }, drops);
        app.Run(context => proxy.ForwardAsync(context, path));
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContentType.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.Headers.ContentType.ToString());
        }

        if (context.Request.Headers.Authorization.Count > 0)
            request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        using var answer = await _upstream.SendAsync(request, context.RequestAborted);
        var body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (context.Request.Path == path)
        {
            lock (Answers)
                Answers.Add(answer.StatusCode);
            Interlocked.Increment(ref _calls);
            if (Interlocked.Decrement(ref _dropsLeft) >= 0)
            {
                context.Abort(); // the server has committed; the agent never hears of it
                return;
            }
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        if (answer.Content.Headers.ContentType is { } type)
            context.Response.ContentType = type.ToString();
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.DisposeAsync();
    }
}
