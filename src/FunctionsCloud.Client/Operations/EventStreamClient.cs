using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client.Operations;

/// <summary>
/// The event stream, <c>/api/audit/v1/events/</c>: every change of every object of the caller's namespace. Read what
/// happened after a point as a list, or follow it: a stream the server ends (its longest duration) is opened again with
/// the id of the last event received (Last-Event-ID), so that the caller sees one stream without gaps or repeats until
/// it cancels.
/// </summary>
public sealed class EventStreamClient(HttpClient http, ResourceClient<ObjectEvent> list)
{
    public const string Path = "/api/audit/v1/events/";

    public Task<ListPage<ObjectEvent>> ListAsync(EventQuery query, int limit = 25, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return list.ListAsync(query.ToParameters(), limit, offset, cancellationToken);
    }

    public IAsyncEnumerable<ObjectEvent> FollowAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        FollowAsync(query, positioned: null, cancellationToken);

    /// <param name="positioned">
    /// Told the id where each opened stream stands before its first event (so a caller knows the stream is open, and
    /// where it resumes, even while nothing happens).
    /// </param>
    public async IAsyncEnumerable<ObjectEvent> FollowAsync(EventQuery query, Action<string>? positioned, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lastEventId = query.After;
        var since = query.Since;
        while (true)
        {
            // The first request may start at a time; every later one (and one given an id) resumes after the last id.
            using var request = new HttpRequestMessage(HttpMethod.Get, Path + new EventQuery(Since: lastEventId is null ? since : null).ToQueryString());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ServerSentEventStream.MediaType));
            if (lastEventId is not null)
                request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw await ApiConnection.ProblemAsync(response, cancellationToken);
            await foreach (var (id, _, data) in ServerSentEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken))
            {
                // An id alone says where the stream stands: a reconnect resumes there even when no event came yet.
                lastEventId = id ?? lastEventId;
                if (data is null && id is not null)
                    positioned?.Invoke(id);
                if (data is not null && JsonSerializer.Deserialize(data, ClientJson.Default.ObjectEvent) is { } message)
                    yield return message;
            }
        }
    }
}
