using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsCloud.Testing.Storage;

/// <summary>Records every request a client sends (each retry too), to prove how many calls an operation makes.</summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(string Method, Uri Uri)> _requests = new();

    public IReadOnlyList<(string Method, Uri Uri)> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message) => _requests.Enqueue((message.Request.Method.Method, message.Request.Uri.ToUri()));
}
