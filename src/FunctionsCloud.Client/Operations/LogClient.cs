using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FunctionsCloud.Client.Http;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Client.Operations;

/// <summary>
/// The logs of containers, services and actions (<c>&lt;resource_uri&gt;logs/</c>): a finished read, or followed as
/// server-sent events. A follow stream that the server ends without its <c>end</c> event (its longest duration) is
/// opened again with the id of the last line received, so that the caller sees one stream without gaps or repeats
/// until it cancels or, for an action, until the server says the action has ended. A broken connection is the
/// caller's to see (an <see cref="HttpRequestException"/> or <see cref="IOException"/>), as a refused request is.
/// A container's or service's whole log is read with <see cref="ReadAllAsync"/>, streamed.
/// </summary>
public sealed class LogClient(HttpClient http)
{
    /// <summary>How long to wait before opening a stream again (the server's <c>retry</c>).</summary>
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);
    private const string NdjsonMediaType = "application/x-ndjson";

    public async Task<IReadOnlyList<LogMessage>> ReadAsync(string resourceUri, LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var response = await http.GetAsync(LogsUri(resourceUri) + query.ToQueryString(follow: false), cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ApiConnection.ProblemAsync(response, cancellationToken);
        return await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(cancellationToken), ClientJson.Default.ListLogMessage, cancellationToken) ?? [];
    }

    /// <summary>
    /// Everything kept of a container's or service's log (<c>&lt;resource_uri&gt;logs/download/</c>), oldest first, as
    /// NDJSON of log messages read line by line as they arrive: no line bound, and nothing held but the line being read.
    /// </summary>
    public async IAsyncEnumerable<LogMessage> ReadAllAsync(string resourceUri, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DownloadUri(resourceUri));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(NdjsonMediaType));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ApiConnection.ProblemAsync(response, cancellationToken);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize(line, ClientJson.Default.LogMessage) is { } message)
                yield return message;
        }
    }

    /// <summary>Where a container's or service's whole log downloads from, as a file (plain text unless NDJSON is asked for).</summary>
    public static string DownloadUri(string resourceUri) => LogsUri(resourceUri) + "download/";

    public async IAsyncEnumerable<LogMessage> FollowAsync(string resourceUri, LogQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? lastEventId = null;
        var next = query;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, LogsUri(resourceUri) + next.ToQueryString(follow: true));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ServerSentEventStream.MediaType));
            if (lastEventId is not null)
                request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw await ApiConnection.ProblemAsync(response, cancellationToken);
            await foreach (var (id, name, data) in ServerSentEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken))
            {
                if (name == "end")
                    yield break;
                if (data is not null && JsonSerializer.Deserialize(data, ClientJson.Default.LogMessage) is { } message)
                {
                    lastEventId = id ?? lastEventId;
                    yield return message;
                }
            }

            // The server ended the stream without saying that what it follows has: go on after the last line received, or with new lines only when none came.
            await Task.Delay(Reconnect, cancellationToken);
            next = lastEventId is null ? new LogQuery(Tail: 0) : new LogQuery();
        }
    }

    private static string LogsUri(string resourceUri) => resourceUri.TrimEnd('/') + "/logs/";
}
