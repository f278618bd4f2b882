using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Functions.Tests.Liveness.AgentCalls;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Agents;

/// <summary>The agent's side of the container protocol over HTTP: it fetches its node's desired containers and reports them with its heartbeats.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AgentContainerApiTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;
    private HttpClient _agent = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
        _agent = _app.NewClient();
    }

    public async Task DisposeAsync()
    {
        _agent.Dispose();
        await _app.DisposeAsync();
    }

    private IContainerStore Containers => _app.Services.GetRequiredService<IContainerStore>();

    [Fact]
    public async Task A_node_fetches_the_containers_it_is_to_run_or_keep_stopped_and_not_those_being_removed()
    {
        var node = await _app.RegisterNodeAsync();
        var other = await _app.RegisterNodeAsync();
        var running = ContainerRows.Of(node, 1);
        var stopped = ContainerRows.Of(node, 2, ContainerDesire.Stopped);
        var removed = ContainerRows.Of(node, 3, ContainerDesire.Removed, ContainerState.Terminating);
        await Containers.CreateManyAsync([running, stopped, removed, ContainerRows.Of(other, 4)]);

        var desired = await FetchAsync(node);

        Assert.Equal(0, desired.Generation);
        Assert.Equal([(running.Uuid, "web-1", true), (stopped.Uuid, "web-2", false)],
            desired.Containers.OrderBy(c => c.Name).Select(c => (c.Uuid, c.Name, c.Running)));
        var spec = desired.Containers.Single(c => c.Uuid == running.Uuid).Spec;
        Assert.Equal(("functionscloud/busybox:latest", Autorestart.OnFailure, 80), (spec.Image, spec.Autorestart, spec.Ports.Single().InnerPort));
    }

    [Fact]
    public async Task The_containers_are_the_node_secrets_to_see()
    {
        var node = await _app.RegisterNodeAsync();

        await ExpectAsync(await GetAsync(null), HttpStatusCode.Unauthorized);
        await ExpectAsync(await GetAsync("fcn_forged.secret"), HttpStatusCode.Unauthorized);
        await ExpectAsync(await _app.Client.GetAsync(AgentRoutes.DesiredContainers), HttpStatusCode.Unauthorized); // an API key is not a node secret
        await ExpectAsync(await GetAsync(node.NodeSecret), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_heartbeat_reporting_a_container_running_makes_it_running_and_the_same_report_is_not_applied_twice()
    {
        var node = await _app.RegisterNodeAsync();
        var container = ContainerRows.Of(node, 1);
        await Containers.CreateManyAsync([container]);
        IReadOnlyList<ReportedContainer> report =
            [new(container.Uuid, 1, ReportedStates.Running, DockerId: "0123abcd", PrivateIp: "172.17.0.5", Ports: [new BoundPort("tcp", 80, 32768)])];

        var answer = await ReportAsync(node.NodeSecret, node.Lease, report);

        var stored = await Containers.GetAsync(node.Namespace, container.Uuid);
        Assert.Equal((ContainerState.Running, "0123abcd", "172.17.0.5", 1), (stored!.State, stored.DockerId, stored.PrivateIp, stored.ReportedRevision));
        Assert.Equal(32768, stored.Ports.Single().OuterPort);
        Assert.NotNull(stored.StartedDatetime);

        // Had the same report been applied again, it would start the container that was since stopped behind its back.
        await Containers.UpdateAsync(node.Namespace, container.Uuid, c =>
        {
            c.MoveTo(ContainerState.Stopped);
            return true;
        });
        await ReportAsync(node.NodeSecret, answer.Lease, report);
        Assert.Equal(ContainerState.Stopped, (await Containers.GetAsync(node.Namespace, container.Uuid))!.State);
    }

    [Fact]
    public async Task A_bad_report_is_a_400_naming_the_field_and_changes_nothing()
    {
        var node = await _app.RegisterNodeAsync();
        var container = ContainerRows.Of(node, 1);
        await Containers.CreateManyAsync([container]);

        var response = await PostAsync(_agent, AgentRoutes.Heartbeat, node.NodeSecret, JsonContent.Create(
            new HeartbeatRequest(SimulatedNodes.Inventory, node.Lease, [new(container.Uuid, 1, ReportedStates.Running, Ports: [new BoundPort("tcp", 70000, null)])])));

        await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("containers[0].ports[0].inner_port", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ContainerState.Starting, (await Containers.GetAsync(node.Namespace, container.Uuid))!.State);
    }

    private async Task<HeartbeatResponse> ReportAsync(string secret, string? lease, IReadOnlyList<ReportedContainer> report)
    {
        var response = await PostAsync(_agent, AgentRoutes.Heartbeat, secret, JsonContent.Create(new HeartbeatRequest(SimulatedNodes.Inventory, lease, report)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HeartbeatResponse>())!;
    }

    private async Task<DesiredContainers> FetchAsync(RegisteredAgent node)
    {
        var response = await GetAsync(node.NodeSecret);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DesiredContainers>())!;
    }

    private async Task<HttpResponseMessage> GetAsync(string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AgentRoutes.DesiredContainers);
        if (secret is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await _agent.SendAsync(request);
    }
}
