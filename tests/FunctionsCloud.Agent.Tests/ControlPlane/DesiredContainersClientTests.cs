using System.Text.Json.Nodes;
using FunctionsCloud.Agent.ControlPlane;
using FunctionsCloud.Agent.Tests.Support;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Testing.Agents;

namespace FunctionsCloud.Agent.Tests.ControlPlane;

public sealed class DesiredContainersClientTests : IAsyncLifetime
{
    private const string Secret = "node-secret-desired";
    private readonly Guid _nodeUuid = Guid.NewGuid();
    private FakeControlPlane _controlPlane = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await FakeControlPlane.StartAsync();
        _controlPlane.KnowNode(_nodeUuid, Secret);
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _controlPlane.DisposeAsync();
    }

    [Fact]
    public async Task The_desired_containers_are_fetched_with_the_node_secret()
    {
        var web = Desired.Container("web-1", Desired.Spec(Desired.Published(80, 8080)) with { Autorestart = Autorestart.Always });
        (_controlPlane.Generation, _controlPlane.DesiredContainers) = (7, [web]);

        var desired = await new ControlPlaneClient(_http, _controlPlane.Url).GetDesiredContainersAsync(Secret, CancellationToken.None);

        Assert.Equal(7, desired.Generation);
        var fetched = Assert.Single(desired.Containers);
        Assert.Equal((web.Uuid, web.Name, web.Revision, Autorestart.Always), (fetched.Uuid, fetched.Name, fetched.Revision, fetched.Spec.Autorestart));
        Assert.Equal(web.Spec.Ports, fetched.Spec.Ports);
        var request = Assert.Single(_controlPlane.DesiredContainerFetches);
        Assert.Equal(("GET", $"Bearer {Secret}"), (request.Method, request.Authorization));
    }

    [Theory]
    [InlineData("\"ON_FAILURE\"", Autorestart.OnFailure)]
    [InlineData("\"OnFailure\"", Autorestart.OnFailure)]
    [InlineData("1", Autorestart.OnFailure)]
    [InlineData("\"ALWAYS\"", Autorestart.Always)]
    public async Task Autorestart_is_read_by_wire_name_member_name_or_number(string wire, Autorestart expected)
    {
        _controlPlane.OnDesiredContainers = (_, _) => new FakeAnswer(200, JsonNode.Parse(DesiredJson(wire)));

        var desired = await new ControlPlaneClient(_http, _controlPlane.Url).GetDesiredContainersAsync(Secret, CancellationToken.None);

        Assert.Equal(expected, Assert.Single(desired.Containers).Spec.Autorestart);
    }

    [Fact]
    public async Task An_error_answer_is_a_control_plane_exception_with_its_detail()
    {
        _controlPlane.OnDesiredContainers = (_, _) => FakeAnswer.Problem(503, "Busy.");

        var error = await Assert.ThrowsAsync<ControlPlaneException>(
            () => new ControlPlaneClient(_http, _controlPlane.Url).GetDesiredContainersAsync(Secret, CancellationToken.None));

        Assert.Equal("HTTP 503 ServiceUnavailable: Busy.", error.Message);
    }

    private static string DesiredJson(string autorestart) => $$$"""
        {"generation": 3, "containers": [{"uuid": "{{{Guid.NewGuid()}}}", "name": "web-1", "service": "{{{Guid.NewGuid()}}}", "running": true, "revision": 1,
          "spec": {"image": "busybox", "command": null, "entrypoint": null, "working_dir": null, "env": [], "ports": [], "extra_hosts": [],
                   "memory": null, "cpu_shares": null, "autorestart": {{{autorestart}}}, "autodestroy": "OFF"}}]}
        """;
}
