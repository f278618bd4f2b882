using System.Net;
using System.Net.Sockets;

namespace FunctionsCloud.Agent.Tests.Support;

/// <summary>A TCP port free on this host a moment ago.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
