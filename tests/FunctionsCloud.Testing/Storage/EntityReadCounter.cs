using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsCloud.Testing.Storage;

/// <summary>
/// Counts the table entities a client reads (every row a query answered, and every point read that found one),
/// and the requests it sent: what proves an operation reads in proportion to what it needs.
/// </summary>
public sealed class EntityReadCounter : HttpPipelinePolicy
{
    private long _entities;
    private long _requests;

    public long Entities => Interlocked.Read(ref _entities);

    public long Requests => Interlocked.Read(ref _requests);

    public void Clear()
    {
        Interlocked.Exchange(ref _entities, 0);
        Interlocked.Exchange(ref _requests, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200 || message.Response.Content is not { } content)
            return;
        using var document = JsonDocument.Parse(content.ToMemory());
        // A query answers {"value": [...]}; a point read answers the entity itself.
        var rows = document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 1;
        Interlocked.Add(ref _entities, rows);
    }
}
