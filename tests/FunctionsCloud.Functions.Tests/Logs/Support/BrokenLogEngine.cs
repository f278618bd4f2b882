using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FunctionsCloud.Functions.Tests.Logs.Support;

/// <summary>
/// A Docker engine endpoint (HTTP over TCP, the engine's wire format) whose log stream of any container sends some
/// lines as the engine frames them and then breaks (a reset connection): a reading failure the real engine cannot be
/// made to show on demand.
/// </summary>
public sealed class BrokenLogEngine : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;

    public BrokenLogEngine(IReadOnlyList<string> lines)
    {
        _listener.Start();
        _serving = ServeAsync(lines);
    }

    public Uri Uri => new($"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public void Dispose()
    {
        _listener.Stop();
        _ = _serving.Exception;
    }

    private async Task ServeAsync(IReadOnlyList<string> lines)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            request.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer)));

        using var body = new MemoryStream();
        foreach (var line in lines)
        {
            var payload = Encoding.UTF8.GetBytes($"{DateTimeOffset.UtcNow.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}00Z {line}\n");
            var header = new byte[8];
            header[0] = 1;
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), payload.Length);
            body.Write(header);
            body.Write(payload);
        }

        var chunk = body.ToArray();
        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(chunk);
        await stream.WriteAsync("\r\n"u8.ToArray());
        await stream.FlushAsync();
        // Reset, not close: the client's read fails rather than ends.
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }
}
