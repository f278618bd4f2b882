using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Docker.DotNet;
using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Logs;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsCloud.Functions.Tests.Logs;

/// <summary>
/// The agent's follower of one container's output on the real engine, storing in Azurite with a node's credential:
/// a restart in the middle neither loses nor repeats a line, and segments roll over keeping the newest.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AgentLogShippingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(AgentOptionsLoader.DefaultDockerHost)).CreateClient();
    private readonly Guid _node = Guid.NewGuid();
    private readonly Guid _container = Guid.NewGuid();
    private readonly LogCredentialHolder _credentials = new();
    private BlobContainerClient _logs = null!;
    private string _dockerId = "";

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _logs = new BlobServiceClient(AzuriteFixture.ConnectionString).GetBlobContainerClient(LogBlobNames.ContainerOf(_node));
        await _logs.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dockerId.Length > 0)
            await _docker.Containers.RemoveContainerAsync(_dockerId, new Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
        _docker.Dispose();
    }

    [Fact]
    public async Task A_follower_stopped_midway_and_started_again_stores_every_line_once_in_order()
    {
        Hold(segmentBytes: 4 * 1024 * 1024, segmentsKept: 4);
        await RunContainerAsync("i=1; while [ $i -le 400 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); sleep 0.01; done");

        using (var first = new CancellationTokenSource())
        {
            var following = Follower().RunAsync(_dockerId, _container, first.Token);
            await Eventually.HoldsAsync(async () => (await StoredAsync()).Count > 50, Patience, "some lines stored");
            await first.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);
        }

        Assert.InRange((await StoredAsync()).Count, 51, 799);
        await Follower().RunAsync(_dockerId, _container, new CancellationTokenSource(Patience).Token);

        var stored = await StoredAsync();
        Assert.Equal(Enumerable.Range(1, 400).Select(i => $"out {i}"), stored.Where(l => l.Source == LogLine.Stdout).Select(l => l.Text));
        Assert.Equal(Enumerable.Range(1, 400).Select(i => $"err {i}"), stored.Where(l => l.Source == LogLine.Stderr).Select(l => l.Text));
    }

    [Fact]
    public async Task A_chatty_container_keeps_its_newest_segments_only()
    {
        Hold(segmentBytes: 8 * 1024, segmentsKept: 2);
        await RunContainerAsync("i=1; while [ $i -le 3000 ]; do echo \"line $i of a container that prints without pause\"; i=$((i+1)); done");

        await Follower().RunAsync(_dockerId, _container, new CancellationTokenSource(Patience).Token);

        var segments = _logs.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, LogBlobNames.PrefixOf(_container), CancellationToken.None).Select(b => LogBlobNames.SegmentOf(b.Name)!.Value).ToList();
        Assert.Equal(2, segments.Count);
        Assert.True(segments[0] > 1, "the oldest segments were deleted");
        var stored = await StoredAsync();
        Assert.Equal("line 3000 of a container that prints without pause", stored[^1].Text);
        Assert.Equal(Enumerable.Range(3001 - stored.Count, stored.Count).Select(i => $"line {i} of a container that prints without pause"), stored.Select(l => l.Text));
    }

    private void Hold(long segmentBytes, int segmentsKept)
    {
        var sas = _logs.GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddMinutes(30));
        _credentials.Accept(_node, new LogCredential(sas, DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(), segmentBytes, segmentsKept));
    }

    private ContainerLogFollower Follower() => new(_docker, _credentials, TimeProvider.System, NullLogger.Instance);

    private async Task RunContainerAsync(string script)
    {
        var created = await _docker.Containers.CreateContainerAsync(new Docker.DotNet.Models.CreateContainerParameters
        {
            Image = DockerEngine.TestImage,
            Cmd = ["sh", "-c", script],
            Labels = new Dictionary<string, string> { ["io.functionscloud.test"] = "logs" },
        });
        _dockerId = created.ID;
        await _docker.Containers.StartContainerAsync(_dockerId, new Docker.DotNet.Models.ContainerStartParameters());
    }

    /// <summary>Every line stored for the container, segment after segment.</summary>
    private async Task<List<LogLine>> StoredAsync()
    {
        var lines = new List<LogLine>();
        foreach (var blob in _logs.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, LogBlobNames.PrefixOf(_container), CancellationToken.None).OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            var content = await _logs.GetBlobClient(blob.Name).DownloadContentAsync();
            lines.AddRange(LogLineFormat.ReadLines(content.Value.Content.ToMemory()).Select(l => l.Line));
        }

        return lines;
    }
}
