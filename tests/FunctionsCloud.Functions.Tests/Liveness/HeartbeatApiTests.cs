using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Data.Tables;
using FunctionsCloud.Application.Agents;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Nodes;
using FunctionsCloud.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static FunctionsCloud.Functions.Tests.Liveness.AgentCalls;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Liveness;

/// <summary>The heartbeat endpoint over HTTP: one write and no read on its normal path, and every refusal writes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HeartbeatApiTests : IAsyncLifetime
{
    private readonly RequestCounter _storageRequests = new();
    private FunctionsCloudTestHost _app = null!;
    private HttpClient _agent = null!;

    public async Task InitializeAsync()
    {
        // The monitor's timer stays out of the request counts: it fires once a year here.
        _app = await StartAsync(new Dictionary<string, string?> { ["FunctionsCloud:MonitorSchedule"] = MonitorTests.Never }, services =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(_storageRequests, HttpPipelinePosition.PerRetry);
            services.Replace(ServiceDescriptor.Singleton(new StorageClients(StorageSettings.FromConnectionString(AzuriteFixture.ConnectionString), options)));
        });
        _agent = _app.NewClient();
    }

    public async Task DisposeAsync()
    {
        _agent.Dispose();
        await _app.DisposeAsync();
    }

    private ILivenessStore Liveness => _app.Services.GetRequiredService<ILivenessStore>();

    [Fact]
    public async Task A_heartbeat_with_its_lease_is_one_storage_request_and_no_read()
    {
        var node = await _app.RegisterNodeAsync();
        var lease = node.Lease;

        for (var beat = 0; beat < 5; beat++)
        {
            _storageRequests.Clear();
            lease = (await BeatAsync(_agent, node.NodeSecret, lease)).Lease;

            // A merge of the node's pointer row, or (when its deadline crossed into the next monitor period) a
            // transaction that also moves its due row.
            var request = Assert.Single(_storageRequests.Requests);
            Assert.True(request.Method is "PATCH" or "MERGE" || (request.Method == "POST" && request.Uri.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal)),
                $"{request.Method} {request.Uri}");
        }
    }

    [Fact]
    public async Task A_heartbeat_without_a_usable_lease_reads_once_then_writes()
    {
        var node = await _app.RegisterNodeAsync();
        var other = await _app.RegisterNodeAsync();

        foreach (var lease in new[] { null, "fcl_forged.lease", other.Lease })
        {
            _storageRequests.Clear();
            var answer = await BeatAsync(_agent, node.NodeSecret, lease);

            Assert.Equal(2, _storageRequests.Requests.Count);
            Assert.Equal("GET", _storageRequests.Requests[0].Method);
            Assert.NotEqual("GET", _storageRequests.Requests[1].Method);
            Assert.NotNull(answer.Lease);
        }
    }

    [Fact]
    public async Task Every_answer_says_the_interval_and_generation_and_the_node_shows_the_last_heartbeat()
    {
        var node = await _app.RegisterNodeAsync();
        var before = await _app.GetJsonAsync(node.NodeUri);

        var answer = await BeatAsync(_agent, node.NodeSecret, node.Lease);

        Assert.Equal((10, 0), (answer.HeartbeatIntervalSeconds, answer.Generation));
        var after = await _app.GetJsonAsync(node.NodeUri);
        Assert.Equal("Deployed", (string?)after["state"]);
        Assert.True(DateTimeOffset.Parse((string)after["last_seen"]!) >= DateTimeOffset.Parse((string)before["last_seen"]!));
        Assert.Equal((2, 4096L, 60L, "27.1.0"), ((int)after["cpu"]!, (long)after["memory"]!, (long)after["disk"]!, (string?)after["docker_version"]));
    }

    [Fact]
    public async Task A_bumped_generation_reaches_the_agent_in_the_next_answer()
    {
        var node = await _app.RegisterNodeAsync();
        var first = await BeatAsync(_agent, node.NodeSecret, node.Lease);

        var generation = await _app.Services.GetRequiredService<NodeGenerations>().BumpAsync(node.Namespace, node.NodeUuid, CancellationToken.None);
        var next = await BeatAsync(_agent, node.NodeSecret, first.Lease);
        var after = await BeatAsync(_agent, node.NodeSecret, next.Lease);

        Assert.Equal((0, 1, 1, 1), (first.Generation, generation, next.Generation, after.Generation));
    }

    [Fact]
    public async Task An_engine_upgrade_ordered_in_the_pointer_is_in_every_answer_while_it_holds_and_quiet_heartbeats_stay_one_request()
    {
        var node = await _app.RegisterNodeAsync();
        var first = await BeatAsync(_agent, node.NodeSecret, node.Lease);
        var action = Guid.NewGuid();

        await Liveness.UpdateAsync(node.Namespace, node.NodeUuid, _ => new LivenessPatch { EngineUpgrade = action });
        var ordered = await BeatAsync(_agent, node.NodeSecret, first.Lease);
        _storageRequests.Clear();
        var repeated = await BeatAsync(_agent, node.NodeSecret, ordered.Lease);
        var quiet = _storageRequests.Requests.Count;
        await Liveness.UpdateAsync(node.Namespace, node.NodeUuid, _ => new LivenessPatch { EngineUpgrade = Guid.Empty });
        var withdrawn = await BeatAsync(_agent, node.NodeSecret, repeated.Lease);

        Assert.Equal((null, action, action, 1, null), (first.EngineUpgrade, ordered.EngineUpgrade?.Action, repeated.EngineUpgrade?.Action, quiet, withdrawn.EngineUpgrade));
    }

    [Fact]
    public async Task Malformed_or_oversized_heartbeats_are_400s_and_write_nothing()
    {
        var node = await _app.RegisterNodeAsync();
        var before = await Liveness.GetAsync(node.Namespace, node.NodeUuid);
        string[] bodies =
        [
            "not json",
            "[]",
            "{}",
            """{"inventory": {"cpu": -4, "memory": 1, "disk": 1}}""",
            """{"inventory": {"cpu": 2, "memory": 1, "disk": 1, "docker_version": "bad version with spaces"}}""",
            """{"inventory": {"cpu": "two", "memory": 1, "disk": 1}}""",
            """{"inventory": {"cpu": 2, "memory": 1, "disk": 1}, "extra": true}""",
            "{\"inventory\": {\"cpu\": 2, \"memory\": 1, \"disk\": 1}, \"lease\": \"" + new string('x', 5000) + "\"}",
            """{"inventory": {"cpu": 2, "memory": 1, "disk": 1}, "engine_upgrade": {"action": "7d0e2a4e-1d7a-4a55-9b8e-2f1f6c1e0a11", "succeeded": true, "output": "", "docker_version": "bad version"}}""",
            "{\"inventory\": {\"cpu\": 2, \"memory\": 1, \"disk\": 1}, \"engine_upgrade\": {\"action\": \"7d0e2a4e-1d7a-4a55-9b8e-2f1f6c1e0a11\", \"succeeded\": false, \"output\": \"" + new string('x', EngineUpgradeReport.MaxOutput + 1) + "\"}}",
        ];

        foreach (var body in bodies)
        {
            var response = await PostAsync(_agent, AgentRoutes.Heartbeat, node.NodeSecret, Json(body));
            await ExpectAsync(response, HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await Liveness.GetAsync(node.Namespace, node.NodeUuid));
    }

    [Fact]
    public async Task A_valid_secret_of_a_node_that_is_gone_or_not_in_its_namespace_is_a_404()
    {
        var node = await _app.RegisterNodeAsync();
        var credentials = _app.Services.GetRequiredService<NodeCredentials>();
        var elsewhere = credentials.IssueNodeSecret(new NodeIdentity("someone-else", node.NodeUuid));

        await ExpectAsync(await HeartbeatAsync(_agent, elsewhere, node.Lease), HttpStatusCode.NotFound);

        await _app.Services.GetRequiredService<LivenessRegistry>().StopAsync(node.Namespace, node.NodeUuid, CancellationToken.None);
        await _app.Services.GetRequiredService<Storage.Nodes.INodeStore>().UpdateAsync(node.Namespace, node.NodeUuid, n =>
        {
            n.MoveTo(Domain.Nodes.NodeState.Terminating);
            return true;
        });
        await ExpectAsync(await HeartbeatAsync(_agent, node.NodeSecret, node.Lease), HttpStatusCode.NotFound);
        Assert.Null(await Liveness.GetAsync(node.Namespace, node.NodeUuid));
    }

    [Fact]
    public async Task Rotation_makes_the_old_secret_fail_and_the_new_one_work()
    {
        var node = await _app.RegisterNodeAsync();
        var first = await BeatAsync(_agent, node.NodeSecret, node.Lease);

        var rotation = await PostAsync(_agent, AgentRoutes.RotateSecret, node.NodeSecret);
        await ExpectAsync(rotation, HttpStatusCode.OK);
        var rotated = (await rotation.Content.ReadFromJsonAsync<SecretRotationResponse>())!;

        Assert.Equal(node.NodeUuid, rotated.Uuid);
        Assert.NotEqual(node.NodeSecret, rotated.NodeSecret);
        await ExpectAsync(await HeartbeatAsync(_agent, node.NodeSecret, first.Lease), HttpStatusCode.Unauthorized);
        await ExpectAsync(await HeartbeatAsync(_agent, node.NodeSecret, rotated.Lease), HttpStatusCode.Unauthorized);
        await ExpectAsync(await PostAsync(_agent, AgentRoutes.RotateSecret, node.NodeSecret), HttpStatusCode.Unauthorized);
        _storageRequests.Clear();
        await BeatAsync(_agent, rotated.NodeSecret, rotated.Lease);
        Assert.Single(_storageRequests.Requests); // the new lease takes the one-write path
        await BeatAsync(_agent, rotated.NodeSecret, first.Lease); // an old lease only costs a read
    }
}
