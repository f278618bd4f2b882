namespace FunctionsCloud.Domain.Services;

/// <summary>
/// What container_ports may hold: tcp or udp ports from 1 to 65535, an outer port only on a published port, and no
/// port twice: one inner port per protocol, and one published outer port per protocol (a node binds it once).
/// </summary>
public static class PortRules
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;
    public const int MaxPorts = 100;
    private static readonly string[] Protocols = [ContainerPort.Tcp, ContainerPort.Udp];

    /// <summary>Every problem of the list, each saying which port it concerns; empty when the list is acceptable.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ContainerPort> ports)
    {
        if (ports.Count > MaxPorts)
            return [$"at most {MaxPorts} ports, not {ports.Count}."];
        var problems = ports.SelectMany(PortProblems).ToList();
        problems.AddRange(Repeated(ports, p => p.InnerPort, "inner port"));
        problems.AddRange(Repeated(ports.Where(p => p.Published && p.OuterPort is not null).ToList(), p => p.OuterPort!.Value, "published outer port"));
        return problems;
    }

    private static IEnumerable<string> PortProblems(ContainerPort port)
    {
        if (!Protocols.Contains(port.Protocol))
            yield return $"protocol '{port.Protocol}' is neither tcp nor udp.";
        if (!InRange(port.InnerPort))
            yield return $"inner_port {port.InnerPort} is not between {MinPort} and {MaxPort}.";
        if (port.OuterPort is { } outer && !InRange(outer))
            yield return $"outer_port {outer} is not between {MinPort} and {MaxPort}.";
        if (port.OuterPort is not null && !port.Published)
            yield return $"outer_port {port.OuterPort} is given for inner_port {port.InnerPort}, which is not published.";
    }

    private static IEnumerable<string> Repeated(IReadOnlyList<ContainerPort> ports, Func<ContainerPort, int> number, string what) =>
        ports.GroupBy(p => (Number: number(p), p.Protocol))
            .Where(g => g.Count() > 1)
            .Select(g => $"{what} {g.Key.Number}/{g.Key.Protocol} is given {g.Count()} times.");

    private static bool InRange(int port) => port is >= MinPort and <= MaxPort;
}
