using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Storage.Logs;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Logs;

/// <summary>The log credential a node gets reaches its own log blobs and nothing else, and only until it expires (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogBlobsTests
{
    private readonly BlobServiceClient _account = new(AzuriteFixture.ConnectionString);
    private readonly LogBlobs _blobs;

    public LogBlobsTests() => _blobs = new LogBlobs(_account, new UserDelegationKeys(_account, TimeProvider.System));

    [Fact]
    public async Task A_nodes_credential_appends_to_its_own_log_blobs_which_the_control_plane_reads_back()
    {
        var (node, container) = (Guid.NewGuid(), Guid.NewGuid());
        var own = new BlobContainerClient(await _blobs.IssueNodeSasAsync(node, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
        var segment = own.GetAppendBlobClient(LogBlobNames.Segment(container, 1));
        await segment.CreateAsync();
        var line = LogLineFormat.Encode(new LogLine(DateTimeOffset.UtcNow, LogLine.Stderr, "tab\there, \u001b[31mescape\u001b[0m, \"quotes\""));
        await segment.AppendBlockAsync(new MemoryStream(line));

        var listed = Assert.Single(await _blobs.ListSegmentsAsync(node, container, CancellationToken.None));
        Assert.Equal((1L, (long)line.Length), (listed.Number, listed.Length));
        var read = await _blobs.ReadAsync(node, container, 1, 0, listed.Length, CancellationToken.None);
        var (stored, end) = Assert.Single(LogLineFormat.ReadLines(read));
        Assert.Equal("tab\there, \u001b[31mescape\u001b[0m, \"quotes\"", stored.Text);
        Assert.Equal(line.Length, end);
        Assert.Empty(await _blobs.ListSegmentsAsync(Guid.NewGuid(), container, CancellationToken.None));
    }

    [Fact]
    public async Task A_nodes_credential_can_neither_write_nor_read_another_nodes_logs_nor_the_account()
    {
        var (mine, theirs, container) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var mySas = await _blobs.IssueNodeSasAsync(mine, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None);
        var theirContainer = new BlobContainerClient(await _blobs.IssueNodeSasAsync(theirs, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
        await theirContainer.GetAppendBlobClient(LogBlobNames.Segment(container, 1)).CreateAsync();

        // The same SAS query on another node's container, and on another container of the account.
        foreach (var target in (string[])[LogBlobNames.ContainerOf(theirs), "agent-builds"])
        {
            var forged = new BlobContainerClient(new UriBuilder(mySas) { Path = $"{_account.AccountName}/{target}" }.Uri);
            var write = await Assert.ThrowsAsync<RequestFailedException>(() => forged.GetAppendBlobClient(LogBlobNames.Segment(container, 1)).AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes("forged\n"))));
            Assert.Equal(403, write.Status);
            var read = await Assert.ThrowsAsync<RequestFailedException>(() => forged.GetBlobClient(LogBlobNames.Segment(container, 1)).DownloadContentAsync());
            Assert.Equal(403, read.Status);
        }

        Assert.Equal(0, Assert.Single(await _blobs.ListSegmentsAsync(theirs, container, CancellationToken.None)).Length);
    }

    [Fact]
    public async Task An_expired_credential_is_refused()
    {
        var node = Guid.NewGuid();
        var expired = new BlobContainerClient(await _blobs.IssueNodeSasAsync(node, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => expired.GetAppendBlobClient(LogBlobNames.Segment(Guid.NewGuid(), 1)).CreateAsync());
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task The_sweep_deletes_segments_written_before_the_cutoff_only()
    {
        var node = Guid.NewGuid();
        var own = new BlobContainerClient(await _blobs.IssueNodeSasAsync(node, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
        await own.GetAppendBlobClient(LogBlobNames.Segment(Guid.NewGuid(), 1)).CreateAsync();

        Assert.Equal(0, await _blobs.DeleteWrittenBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None));
        Assert.True(await _blobs.DeleteWrittenBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None) >= 1);
        Assert.Empty(own.GetBlobs());
    }
}
