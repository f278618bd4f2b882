using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace FunctionsCloud.Functions.Tests.Support;

/// <summary>A follow request read as the server-sent events it answers: each event's id and JSON data, as they come.</summary>
internal static class ServerSentEventReader
{
    public const string MediaType = "text/event-stream";

    /// <summary>
    /// The events of one follow request, until the server ends it or the token is cancelled. An id sent alone (where the
    /// stream stands) comes as an event without data.
    /// </summary>
    public static async IAsyncEnumerable<(string? Id, JsonObject? Message)> ReadAsync(
        HttpClient client, string uri, string? lastEventId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        (string? id, JsonObject? data) = (null, null);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
                id = line[4..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = (JsonObject)JsonNode.Parse(line[6..])!;
            else if (line.Length == 0 && (id ?? (object?)data) is not null)
            {
                yield return (id, data);
                (id, data) = (null, null);
            }
        }
    }

    /// <summary>Reads until <paramref name="count"/> events with data came, then hangs up.</summary>
    public static async Task<List<(string Id, JsonObject Message)>> TakeAsync(HttpClient client, string uri, string? lastEventId, int count, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var events = new List<(string, JsonObject)>();
        await foreach (var (id, message) in ReadAsync(client, uri, lastEventId, timeout.Token))
        {
            if (message is not null)
                events.Add((id!, message));
            if (events.Count == count)
                break;
        }

        Assert.Equal(count, events.Count);
        return events;
    }
}
