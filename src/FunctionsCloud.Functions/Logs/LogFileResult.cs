using FunctionsCloud.Application.Logs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace FunctionsCloud.Functions.Logs;

/// <summary>A downloaded log: an attachment with its file name, streamed as it is read (the response is not buffered).</summary>
public sealed class LogFileResult(IAsyncEnumerable<LogEntry> entries, LogFileFormat format, bool namesContainers, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = LogFile.MediaType(format) + "; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        response.Headers.CacheControl = "no-store";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await LogFile.WriteAsync(entries, format, namesContainers, response.Body, httpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went: nothing more to send.
        }
    }
}
