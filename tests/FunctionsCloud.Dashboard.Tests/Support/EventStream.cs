using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FunctionsCloud.Dashboard.Tests.Support;

/// <summary>
/// A server-sent event stream that a test writes to as the API would: it stays open until the test ends it (or
/// breaks it, as a lost connection does) or the client goes.
/// </summary>
public sealed class EventStream
{
    private readonly Pipe pipe = new();
    private int lastId;

    public HttpResponseMessage Response()
    {
        var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>Says where the stream stands, as the API's first message does: an id alone.</summary>
    public async Task OpenAtAsync(int id)
    {
        lastId = id;
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes($"id: {id}\n\n"));
    }

    public async Task SendAsync(string json) =>
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes($"id: {++lastId}\ndata: {json}\n\n"));

    /// <summary>The connection breaks, as when the network goes: the client's read fails.</summary>
    public void Break() => pipe.Writer.Complete(new HttpRequestException("The connection was lost."));
}
