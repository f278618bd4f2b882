using System.Runtime.CompilerServices;

namespace FunctionsCloud.Client.Http;

/// <summary>A <c>text/event-stream</c> body read event by event: each event's id, name and data (any may be missing).</summary>
internal static class ServerSentEventStream
{
    public const string MediaType = "text/event-stream";

    public static async IAsyncEnumerable<(string? Id, string? Event, string? Data)> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        (string? id, string? name, string? data) = (null, null, null);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
                id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data = line[6..];
            else if (line.Length == 0 && (id is not null || name is not null || data is not null))
            {
                yield return (id, name, data);
                (id, name, data) = (null, null, null);
            }
        }
    }
}
