using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Domain.Links;

/// <summary>Where linkers reach a container: across nodes through its published ports, else on its private address.</summary>
public static class LinkTargets
{
    /// <summary>
    /// A container as linkers reach it, from the container row and its node's public address. With published ports
    /// and a node address: the node address and the bound host ports (only the published ports: the others are not
    /// reachable there). Otherwise: the private address and every inner port. Knowing neither: no address, no ports.
    /// A published port whose host port the engine picks counts once the agent has reported it. A loopback node address
    /// (a local node's) reaches nothing from inside another container: the private address serves there, since local
    /// nodes share one engine's network.
    /// </summary>
    public static LinkedContainer Of(Container container, string? nodeAddress)
    {
        var ports = PortsOf(container);
        var published = ports.Where(p => p.OuterPort is not null).ToList();
        var (address, reachable) = (nodeAddress, container.PrivateIp) switch
        {
            ({ Length: > 0 } node, _) when published.Count > 0 && !IsLoopback(node) => (node, published.Select(p => new LinkedPort(p.Protocol, p.InnerPort, p.OuterPort!.Value))),
            (_, { Length: > 0 } privateIp) => (privateIp, ports.Select(p => new LinkedPort(p.Protocol, p.InnerPort, p.InnerPort))),
            _ => ("", []),
        };

        return new(container.Name, container.Number, address, reachable.ToList(), container.Spec.Environment);
    }

    private static bool IsLoopback(string address) =>
        address == "localhost" || (System.Net.IPAddress.TryParse(address, out var ip) && System.Net.IPAddress.IsLoopback(ip));

    /// <summary>
    /// The ports the agent reported, completed by the spec's (fixed host ports are known before any report); one per
    /// protocol and inner port (engines report a port bound on IPv4 and IPv6 twice).
    /// </summary>
    private static List<BoundPort> PortsOf(Container container)
    {
        var specPorts = container.Spec.Ports.Select(p => new BoundPort(p.Protocol, p.InnerPort, p.Published ? p.OuterPort : null));
        return container.Ports.Concat(specPorts)
            .GroupBy(p => (Protocol: p.Protocol.ToLowerInvariant(), p.InnerPort))
            .Select(g => (g.FirstOrDefault(p => p.OuterPort is not null) ?? g.First()) with { Protocol = g.Key.Protocol })
            .ToList();
    }
}
