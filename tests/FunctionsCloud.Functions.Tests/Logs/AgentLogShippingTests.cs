using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Docker.DotNet;
using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Logs;
using FunctionsCloud.Domain.Logs;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Docker;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;
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
    private readonly List<string> _started = [];
    private string _dockerId = "";

    public async Task InitializeAsync()
    {
        await DockerEngine.EnsureReadyAsync();
        _logs = new BlobServiceClient(AzuriteFixture.ConnectionString).GetBlobContainerClient(LogBlobNames.ContainerOf(_node));
        await _logs.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var id in _started)
            await _docker.Containers.RemoveContainerAsync(id, new Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
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

    [Fact]
    public async Task Storage_out_of_reach_for_a_while_delays_the_lines_loses_none_and_warns_once()
    {
        Hold(segmentBytes: 4 * 1024 * 1024, segmentsKept: 4);
        await RunContainerAsync("sleep 1; i=1; while [ $i -le 300 ]; do echo \"line $i\"; i=$((i+1)); sleep 0.02; done");
        var logged = new ListLoggerProvider();
        using var patience = new CancellationTokenSource(Patience * 2);
        var following = Follower(logged.CreateLogger("follower")).RunAsync(_dockerId, _container, patience.Token);
        await Eventually.HoldsAsync(async () => (await StoredAsync()).Count > 0, Patience, "the first lines stored");

        // Storage goes out of reach (a closed port): Azure.Core retries, then throws an AggregateException.
        Hold(segmentBytes: 4 * 1024 * 1024, segmentsKept: 4, url: new Uri($"http://127.0.0.1:{ClosedPort()}/devstoreaccount1/{_logs.Name}?sv=x&sig=x"));
        await Eventually.HoldsAsync(() => Task.FromResult(logged.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal))), Patience, "the failure logged");
        await Eventually.HoldsAsync(async () => !(await _docker.Containers.InspectContainerAsync(_dockerId)).State.Running, Patience, "the container done printing");
        Hold(segmentBytes: 4 * 1024 * 1024, segmentsKept: 4);
        await following;

        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"line {i}"), (await StoredAsync()).Select(l => l.Text));
        Assert.Single(logged.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Single(logged.Lines, l => l.Contains("stored again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_longer_than_the_engines_16_KiB_parts_is_one_line_and_one_past_64_KiB_goes_on_under_its_time()
    {
        Hold(segmentBytes: 4 * 1024 * 1024, segmentsKept: 4);
        await RunContainerAsync("head -c 40000 /dev/zero | tr '\\0' a; echo; head -c 140000 /dev/zero | tr '\\0' b; echo; echo next");

        await Follower().RunAsync(_dockerId, _container, new CancellationTokenSource(Patience).Token);

        var stored = await StoredAsync();
        Assert.Equal(
            [new string('a', 40_000), new string('b', 65_536), new string('b', 65_536), new string('b', 140_000 - 131_072), "next"],
            stored.Select(l => l.Text));
        Assert.Equal(stored[1].Timestamp, stored[2].Timestamp);
        Assert.Equal(stored[1].Timestamp, stored[3].Timestamp);
        // The engine's own text of the first line: its parts, each after a time; the line keeps the first part's.
        var engine = (await DockerCli.OutputAsync("logs", "--timestamps", _dockerId)).Split('\n')[0];
        Assert.Equal(4, engine.Split(' ').Length);
        Assert.Equal(DockerLogLines.ParseTime(engine.Split(' ')[0]), stored[0].Timestamp);
    }

    [Fact]
    public async Task A_restarted_follower_repeats_nothing_after_a_huge_escaped_last_line_or_an_empty_newest_segment()
    {
        Hold(segmentBytes: 4 * 1024 * 1024, segmentsKept: 4);
        // 64 KiB of control characters: stored escaped (\u0001), about 384 KiB, more than any fixed tail read.
        await RunContainerAsync("echo first; head -c 65536 /dev/zero | tr '\\0' '\\1'; echo");
        await Follower().RunAsync(_dockerId, _container, new CancellationTokenSource(Patience).Token);
        var once = await StoredAsync();
        Assert.Equal(2, once.Count);

        await Follower().RunAsync(_dockerId, _container, new CancellationTokenSource(Patience).Token);
        Assert.Equal(once, await StoredAsync());

        // A roll whose first append never came (the agent stopped in between): the newest segment is empty.
        await _logs.GetAppendBlobClient(LogBlobNames.Segment(_container, 2)).CreateAsync();
        await Follower().RunAsync(_dockerId, _container, new CancellationTokenSource(Patience).Token);
        Assert.Equal(once, await StoredAsync());
    }

    [Fact]
    public async Task A_redeployed_container_is_written_by_one_follower_at_a_time_and_loses_no_line_of_the_old_revision()
    {
        Hold(segmentBytes: 4 * 1024 * 1024, segmentsKept: 4);
        const string Lines = "i=1; while [ $i -le 4000 ]; do echo \"$0 $i ....................................................................................................................................\"; i=$((i+1)); done";
        var old = await RunContainerAsync(Lines, revision: 1, argument: "old");
        await Eventually.HoldsAsync(async () => !(await _docker.Containers.InspectContainerAsync(old)).State.Running, Patience, "the old revision done printing");
        // The new revision prints more than the overlap later, so its lines are all newer than the old one's; the agent
        // comes to both with all their output waiting, as after a redeploy while it was busy or down.
        await RunContainerAsync("sleep 3; " + Lines + "; sleep 600", revision: 2, argument: "new");
        await Eventually.HoldsAsync(async () => (await DockerCli.OutputAsync("logs", "--tail", "1", _dockerId)).StartsWith("new 4000", StringComparison.Ordinal), Patience, "the new revision done printing");

        var options = new AgentOptions { ApiUrl = new Uri("http://127.0.0.1:1/"), StateDir = Path.GetTempPath(), DockerHost = new Uri(AgentOptionsLoader.DefaultDockerHost), Hostname = "logs" };
        using var shipper = new LogShipper(options, _credentials, TimeProvider.System, NullLogger<LogShipper>.Instance);
        await shipper.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.HoldsAsync(async () => (await StoredAsync()).Count >= 8000, Patience, "both revisions' lines stored");
        }
        finally
        {
            await shipper.StopAsync(CancellationToken.None);
        }

        var stored = (await StoredAsync()).Select(l => l.Text.Split(' ')[0] + " " + l.Text.Split(' ')[1]).ToList();
        Assert.Equal(Enumerable.Range(1, 4000).Select(i => $"old {i}").Concat(Enumerable.Range(1, 4000).Select(i => $"new {i}")), stored);
    }

    private void Hold(long segmentBytes, int segmentsKept, Uri? url = null)
    {
        var sas = url ?? _logs.GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddMinutes(30));
        _credentials.Accept(_node, new LogCredential(sas, DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(), segmentBytes, segmentsKept));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ContainerLogFollower Follower(ILogger? logger = null) => new(_docker, _credentials, TimeProvider.System, logger ?? NullLogger.Instance);

    /// <summary>Starts a container; with a revision, labelled as the node's copy of <see cref="_container"/> at that revision.</summary>
    private async Task<string> RunContainerAsync(string script, int? revision = null, string argument = "")
    {
        var labels = new Dictionary<string, string> { ["io.functionscloud.test"] = "logs" };
        if (revision is { } r)
        {
            labels[NodeContainerLabels.Node] = _node.ToString();
            labels[NodeContainerLabels.Container] = _container.ToString();
            labels[NodeContainerLabels.Revision] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var created = await _docker.Containers.CreateContainerAsync(new Docker.DotNet.Models.CreateContainerParameters
        {
            Image = DockerEngine.TestImage,
            Cmd = ["sh", "-c", script, argument],
            Labels = labels,
        });
        _started.Add(_dockerId = created.ID);
        await _docker.Containers.StartContainerAsync(_dockerId, new Docker.DotNet.Models.ContainerStartParameters());
        return _dockerId;
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
