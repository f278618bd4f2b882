using System.Net;
using System.Threading.Channels;

namespace FunctionsCloud.Dashboard.Tests.Support;

/// <summary>
/// The API's event stream, <c>/api/audit/v1/events/</c>, scripted: each request the dashboard sends opens a new
/// <see cref="EventStream"/> the test writes to (or is refused, when <see cref="Refuse"/> says so).
/// </summary>
public sealed class EventStreamApi
{
    public const string Path = "/api/audit/v1/events/";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Channel<(HttpRequestMessage Request, EventStream? Stream)> opened = Channel.CreateUnbounded<(HttpRequestMessage, EventStream?)>();

    public EventStreamApi(ScriptedApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.On("GET", Path, request =>
        {
            if (Refuse)
            {
                opened.Writer.TryWrite((request, null));
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"title":"Unavailable","status":503}""") };
            }
            var stream = new EventStream();
            opened.Writer.TryWrite((request, stream));
            return stream.Response();
        });
    }

    /// <summary>Answer the next requests with a 503 instead of a stream.</summary>
    public bool Refuse { get; set; }

    /// <summary>The next request the dashboard sends for the stream, and the stream it got (null when refused).</summary>
    public async Task<(HttpRequestMessage Request, EventStream? Stream)> NextAsync() => await opened.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Whether the dashboard asked again (without waiting: for what must not have happened yet).</summary>
    public bool AskedAgain => opened.Reader.TryPeek(out _);

    /// <summary>The stream the dashboard opens next, opened at <paramref name="id"/> as the API's first message says.</summary>
    public async Task<EventStream> OpenNextAtAsync(int id)
    {
        var (_, stream) = await NextAsync();
        await stream!.OpenAtAsync(id);
        return stream;
    }

    public static string? LastEventId(HttpRequestMessage request) =>
        request.Headers.TryGetValues("Last-Event-ID", out var values) ? values.Single() : null;
}
