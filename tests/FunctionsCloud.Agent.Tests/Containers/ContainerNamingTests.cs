using Docker.DotNet.Models;
using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Agent.Tests.Containers;

/// <summary>The small pure pieces: names, image references, states, ports and report comparison.</summary>
public sealed class ContainerNamingTests
{
    private static readonly Guid Uuid = Guid.Parse("0b9c2f6e-1d2a-4c3b-9e8f-7a6b5c4d3e2f");

    [Theory]
    [InlineData("web-1", "web-1-0b9c2f6e1d2a4c3b9e8f7a6b5c4d3e2f")]
    [InlineData("my web/1", "my-web-1-0b9c2f6e1d2a4c3b9e8f7a6b5c4d3e2f")]
    [InlineData("_db-1", "c_db-1-0b9c2f6e1d2a4c3b9e8f7a6b5c4d3e2f")]
    public void Docker_names_are_the_name_and_uuid_in_the_engines_alphabet(string name, string expected) =>
        Assert.Equal(expected, DockerNames.For(name, Uuid));

    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("functionscloud/busybox:1.36", "functionscloud/busybox", "1.36")]
    [InlineData("127.0.0.1:5000/team/app", "127.0.0.1:5000/team/app", "latest")]
    [InlineData("127.0.0.1:5000/team/app:v2", "127.0.0.1:5000/team/app", "v2")]
    [InlineData("app@sha256:abc", "app", "sha256:abc")]
    [InlineData("127.0.0.1:5000/app:v2@sha256:abc", "127.0.0.1:5000/app", "sha256:abc")]
    public void Image_references_split_into_repository_and_tag(string image, string repository, string tag) =>
        Assert.Equal(new ImageReference(repository, tag), ImageReference.Parse(image));

    [Theory]
    [InlineData("running", false, ReportedStates.Running)]
    [InlineData("paused", false, ReportedStates.Running)]
    [InlineData("restarting", false, ReportedStates.Starting)]
    [InlineData("created", true, ReportedStates.Starting)]
    [InlineData("created", false, ReportedStates.Stopped)]
    [InlineData("exited", false, ReportedStates.Stopped)]
    [InlineData("dead", false, ReportedStates.Stopped)]
    public void Engine_states_map_to_reported_states(string engineState, bool working, string expected) =>
        Assert.Equal(expected, NodeReporter.StateOf(engineState, working));

    [Fact]
    public void A_port_bound_for_ipv4_and_ipv6_is_reported_once_and_exposed_ones_without_a_host_port()
    {
        var ports = new[]
        {
            new Port { IP = "0.0.0.0", PrivatePort = 80, PublicPort = 32768, Type = "tcp" },
            new Port { IP = "::", PrivatePort = 80, PublicPort = 32768, Type = "tcp" },
            new Port { PrivatePort = 53, Type = "udp" },
        };

        Assert.Equal([new BoundPort("udp", 53, null), new BoundPort("tcp", 80, 32768)], NodeReporter.BoundPorts(ports));
    }

    [Fact]
    public void Reports_compare_by_value_including_their_ports()
    {
        ReportedContainer Report(int outer) => new(Uuid, 1, ReportedStates.Running, Ports: [new BoundPort("tcp", 80, outer)]);

        Assert.True(ReportComparison.Same([Report(1000)], [Report(1000)]));
        Assert.False(ReportComparison.Same([Report(1000)], [Report(1001)]));
        Assert.False(ReportComparison.Same([Report(1000)], []));
        Assert.False(ReportComparison.Same([], null));
        Assert.True(ReportComparison.Same(null, null));
    }

    [Theory]
    [InlineData("Exited (137) 3 minutes ago", 137)]
    [InlineData("Exited (0) Less than a second ago", 0)]
    [InlineData("Exited (-1) 2 hours ago", -1)]
    [InlineData("Up 5 seconds", null)]
    [InlineData("Dead", null)]
    [InlineData("Exited (oops)", null)]
    [InlineData(null, null)]
    public void The_exit_code_is_read_from_the_status_the_engine_lists(string? status, int? expected) =>
        Assert.Equal(expected, NodeReporter.ExitCodeOf(status));
}
