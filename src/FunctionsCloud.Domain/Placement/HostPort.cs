using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Placement;

/// <summary>A port bound on a node's host, per protocol (tcp 53 and udp 53 are two ports). The protocol is kept lower case.</summary>
public readonly record struct HostPort
{
    public HostPort(string protocol, int port)
    {
        Protocol = protocol.ToLowerInvariant();
        Port = port;
    }

    public string Protocol { get; }
    public int Port { get; }

    /// <summary>The host ports a service fixes: published with an outer port (the engine picks the others).</summary>
    public static IReadOnlyList<HostPort> FixedBy(IEnumerable<ContainerPort> ports) =>
        ports.Where(p => p.Published && p.OuterPort is not null).Select(p => new HostPort(p.Protocol, p.OuterPort!.Value)).Distinct().ToList();

    /// <summary>
    /// The host ports a container holds on its node: those the agent reported bound (engine-picked ones too) and
    /// those its spec fixes (held before the agent has started it).
    /// </summary>
    public static IEnumerable<HostPort> HeldBy(Container container) =>
        container.Ports.Where(p => p.OuterPort is not null).Select(p => new HostPort(p.Protocol, p.OuterPort!.Value))
            .Concat(FixedBy(container.Spec.Ports))
            .Distinct();

    public override string ToString() => $"{Port}/{Protocol}";
}
