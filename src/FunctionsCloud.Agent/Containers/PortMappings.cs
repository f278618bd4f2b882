using System.Globalization;
using Docker.DotNet.Models;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// A spec's ports for the engine: every port is exposed; published ones are bound on the host, at their outer port
/// when it is given, else at a port the engine picks (reported back from what it bound).
/// </summary>
public static class PortMappings
{
    public static Dictionary<string, EmptyStruct> Exposed(IEnumerable<ContainerPort> ports) =>
        ports.Select(Key).Distinct(StringComparer.Ordinal).ToDictionary(key => key, _ => default(EmptyStruct), StringComparer.Ordinal);

    public static Dictionary<string, IList<PortBinding>> Bindings(IEnumerable<ContainerPort> ports) =>
        ports.Where(p => p.Published)
            .GroupBy(Key, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => (IList<PortBinding>)[.. group.Select(p => new PortBinding { HostPort = HostPort(p) })],
                StringComparer.Ordinal);

    /// <summary>The engine's key of a port, e.g. <c>80/tcp</c>.</summary>
    public static string Key(ContainerPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        var protocol = string.IsNullOrWhiteSpace(port.Protocol) ? ContainerPort.Tcp : port.Protocol.ToLowerInvariant();
        return $"{port.InnerPort.ToString(CultureInfo.InvariantCulture)}/{protocol}";
    }

    // An empty host port lets the engine pick a free one.
    private static string HostPort(ContainerPort port) =>
        port.OuterPort is { } outer and > 0 ? outer.ToString(CultureInfo.InvariantCulture) : string.Empty;
}
