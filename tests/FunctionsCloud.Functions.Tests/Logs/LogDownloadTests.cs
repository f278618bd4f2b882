using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using FunctionsCloud.Application.Logs;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Logs;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Functions.Tests.Logs;

/// <summary>
/// A whole log downloaded from its segments in Azurite: every line, in order, across segments; a service's containers
/// merged by time; and read as it is written, never held whole (what was read from storage runs only a chunk or so
/// ahead of what reached the response).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogDownloadTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);
    private readonly BlobServiceClient _account = new(AzuriteFixture.ConnectionString);
    private readonly CountingLogBlobs _blobs;

    public LogDownloadTests() =>
        _blobs = new CountingLogBlobs(new ServiceCollection().AddSingleton(_account).AddLogBlobs().BuildServiceProvider().GetRequiredService<ILogBlobs>());

    [Fact]
    public async Task A_large_log_of_several_segments_streams_whole_in_order_reading_only_a_chunk_ahead_of_the_response()
    {
        var source = new LogSource(Guid.NewGuid(), Guid.NewGuid(), "web-1");
        const int Lines = 40_000;
        var segments = await StoreAsync(source, Enumerable.Range(1, Lines).Select(i => Line(i, $"line {i:D6} {new string('x', 100)}")), segmentBytes: 2 * 1024 * 1024);
        Assert.True(segments >= 3, $"{segments} segments");
        var stored = (await _blobs.ListSegmentsAsync(source.NodeUuid, source.ContainerUuid, CancellationToken.None)).Sum(s => s.Length);

        var response = new RunAheadStream(_blobs);
        var written = await LogFile.WriteAsync(Download().ReadAllAsync(Subject(source), CancellationToken.None), LogFileFormat.Ndjson, false, response, CancellationToken.None);

        Assert.Equal(Lines, written);
        var messages = Encoding.UTF8.GetString(response.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(Enumerable.Range(1, Lines).Select(i => $"line {i:D6}"), messages.Select(m => ((string)m["log"]!)[..11]));
        Assert.Equal(stored, _blobs.BytesRead);
        // Buffering the log before writing it would have read all of it (over 6 MiB) before the first write.
        Assert.True(response.MostAhead <= 2 * LogDownload.ChunkBytes, $"read {response.MostAhead:N0} bytes ahead of the response, of {stored:N0}");
    }

    [Fact]
    public async Task A_services_containers_are_merged_by_time_as_text_each_line_naming_its_container()
    {
        var (web1, web2) = (new LogSource(Guid.NewGuid(), Guid.NewGuid(), "web-1"), new LogSource(Guid.NewGuid(), Guid.NewGuid(), "web-2"));
        await StoreAsync(web1, Enumerable.Range(0, 3000).Select(i => Line(2 * i, $"one {i}")), segmentBytes: 64 * 1024);
        await StoreAsync(web2, Enumerable.Range(0, 3000).Select(i => Line(2 * i + 1, $"two {i}", LogLine.Stderr)), segmentBytes: 64 * 1024);

        var response = new MemoryStream();
        await LogFile.WriteAsync(Download().ReadAllAsync(Subject(web1, web2), CancellationToken.None), LogFileFormat.Text, true, response, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(response.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6000, lines.Length);
        Assert.Equal("2026-12-03T14:00:00.000000Z stdout web-1 one 0", lines[0]);
        Assert.Equal("2026-12-03T14:00:00.001000Z stderr web-2 two 0", lines[1]);
        Assert.Equal("2026-12-03T14:00:05.999000Z stderr web-2 two 2999", lines[^1]);
        Assert.Equal(Enumerable.Range(0, 6000).Select(i => i % 2 == 0 ? $"one {i / 2}" : $"two {i / 2}"), lines.Select(l => l[(l.IndexOf(" web-", StringComparison.Ordinal) + 7)..]));
    }

    private LogDownload Download() => new(_blobs);

    private static LogSubject Subject(params LogSource[] sources) =>
        new("web", sources, NamesContainers: sources.Length > 1, _ => Task.FromResult<IReadOnlyList<LogSource>>(sources));

    private static LogLine Line(int millisecond, string text, string source = LogLine.Stdout) => new(Start.AddMilliseconds(millisecond), source, text);

    /// <summary>Appends the lines as the agent does, a new segment once one holds <paramref name="segmentBytes"/>; returns how many segments.</summary>
    private async Task<int> StoreAsync(LogSource source, IEnumerable<LogLine> lines, long segmentBytes)
    {
        var container = _account.GetBlobContainerClient(LogBlobNames.ContainerOf(source.NodeUuid));
        await container.CreateIfNotExistsAsync();
        var (segment, batch, length) = (1, new MemoryStream(), 0L);
        foreach (var bytes in lines.Select(LogLineFormat.Encode))
        {
            if (length + batch.Length > 0 && length + batch.Length + bytes.Length > segmentBytes)
            {
                await AppendAsync(container, source, segment++, batch);
                length = 0;
            }

            batch.Write(bytes);
            if (batch.Length >= 1024 * 1024)
            {
                length += batch.Length;
                await AppendAsync(container, source, segment, batch);
            }
        }

        await AppendAsync(container, source, segment, batch);
        return segment;
    }

    private static async Task AppendAsync(BlobContainerClient container, LogSource source, int segment, MemoryStream batch)
    {
        if (batch.Length == 0)
            return;
        var blob = container.GetAppendBlobClient(LogBlobNames.Segment(source.ContainerUuid, segment));
        await blob.CreateIfNotExistsAsync();
        batch.Position = 0;
        await blob.AppendBlockAsync(batch);
        batch.SetLength(0);
    }

    /// <summary>The log blobs, counting the bytes read from them.</summary>
    private sealed class CountingLogBlobs(ILogBlobs inner) : ILogBlobs
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public Task<Uri> IssueNodeSasAsync(Guid nodeUuid, DateTimeOffset expiresAt, CancellationToken cancellationToken) => inner.IssueNodeSasAsync(nodeUuid, expiresAt, cancellationToken);

        public Task<IReadOnlyList<LogSegment>> ListSegmentsAsync(Guid nodeUuid, Guid containerUuid, CancellationToken cancellationToken) =>
            inner.ListSegmentsAsync(nodeUuid, containerUuid, cancellationToken);

        public async Task<ReadOnlyMemory<byte>> ReadAsync(Guid nodeUuid, Guid containerUuid, long segment, long offset, long length, CancellationToken cancellationToken)
        {
            var bytes = await inner.ReadAsync(nodeUuid, containerUuid, segment, offset, length, cancellationToken);
            Interlocked.Add(ref _read, bytes.Length);
            return bytes;
        }

        public Task<int> DeleteWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteWrittenBeforeAsync(cutoff, cancellationToken);
    }

    /// <summary>A response body that notes, at each write, how far what was read from storage ran ahead of what it had received.</summary>
    private sealed class RunAheadStream(CountingLogBlobs blobs) : MemoryStream
    {
        public long MostAhead { get; private set; }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            MostAhead = Math.Max(MostAhead, blobs.BytesRead - Length);
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
