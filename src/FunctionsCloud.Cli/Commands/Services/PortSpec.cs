using System.Globalization;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Services;

/// <summary>
/// <c>-p [HOST:]CONTAINER[/PROTOCOL]</c> as Docker's CLIs write ports: published on the host port, or on one each node
/// picks when none is given; <c>--expose</c> ports are not published.
/// </summary>
public static class PortSpec
{
    public static bool TryParse(string text, bool published, out ContainerPort port, out string error)
    {
        port = null!;
        var (ports, protocol) = text.Split('/') is [var p, var proto] ? (p, proto.ToLowerInvariant()) : (text, "tcp");
        var parts = ports.Split(':');
        if (protocol is not ("tcp" or "udp"))
            return Fail($"'{text}': the protocol is tcp or udp.", out error);
        if (parts.Length > 2 || !parts.All(IsPort) || (!published && parts.Length > 1))
            return Fail($"'{text}': write a port as {(published ? "[HOST:]CONTAINER[/tcp|udp]" : "CONTAINER[/tcp|udp]")}, ports 1 to 65535.", out error);
        var inner = int.Parse(parts[^1], CultureInfo.InvariantCulture);
        int? outer = parts.Length == 2 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : null;
        port = new ContainerPort(protocol, inner, outer, published);
        error = "";
        return true;
    }

    private static bool IsPort(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 65535;

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
