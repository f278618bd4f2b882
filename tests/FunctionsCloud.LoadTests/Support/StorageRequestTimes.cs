using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsCloud.LoadTests.Support;

/// <summary>
/// How long each table request of the app took from its pipeline to Azurite and back (retries each timed), by kind:
/// the storage part of an endpoint's latency, to put beside the whole.
/// </summary>
public sealed class StorageRequestTimes : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, Latencies> _byKind = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Latencies> ByKind => _byKind;

    public void Clear() => _byKind.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Record(message, started);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Record(message, started);
    }

    private void Record(HttpMessage message, long started) =>
        _byKind.GetOrAdd(KindOf(message.Request), _ => new Latencies()).Add(Stopwatch.GetElapsedTime(started));

    /// <summary>A merge (one row), a transaction (a batch), a read, or anything else by its method.</summary>
    private static string KindOf(Request request) => request.Method.Method switch
    {
        "PATCH" or "MERGE" => "merge",
        "POST" when request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) => "transaction",
        "GET" => "read",
        var other => other.ToLowerInvariant(),
    };
}
