using System.Net;
using System.Net.Sockets;
using FunctionsCloud.LocalHost.Discovery;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// Runs the discovered orchestrators and activities on the Durable Task SDK's in-process backend
/// (DurableTaskTestHost: an in-memory orchestration service behind a local gRPC sidecar).
/// </summary>
/// <remarks>
/// Not persistent: orchestration state lives in memory and is lost when the host stops, and pending timers and
/// orchestrations do not survive a restart. The deployed app uses the Azure Storage backend instead.
/// </remarks>
public sealed class InProcessDurableBackend : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private InProcessDurableBackend(DurableTaskTestHost host) => _host = host;

    public DurableTaskClient Client => _host.Client;

    /// <param name="services">Resolves the app's service provider when an activity runs (it is built after the backend starts).</param>
    public static async Task<InProcessDurableBackend> StartAsync(
        IEnumerable<DiscoveredFunction> functions, Func<IServiceProvider> services, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        QuietSidecarRequestLogs();
        // A free port can be taken by another process before the sidecar binds it: then try another.
        for (var attempt = 1; ; attempt++)
        {
            var options = new DurableTaskTestHostOptions { Port = FreeTcpPort(), LoggerFactory = loggerFactory };
            try
            {
                return new InProcessDurableBackend(
                    await DurableTaskTestHost.StartAsync(registry => registry.AddFunctions(functions, services), options, cancellationToken));
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
            }
        }
    }

    // The test host's gRPC sidecar is a Host.CreateDefaultBuilder() host that takes no logger factory and logs every
    // gRPC call at Information; its only configuration is the environment. Quiet it unless the caller set a level.
    private static void QuietSidecarRequestLogs()
    {
        foreach (var category in new[] { "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "Microsoft.DurableTask" })
        {
            var variable = $"Logging__LogLevel__{category}";
            if (Environment.GetEnvironmentVariable(variable) is null)
                Environment.SetEnvironmentVariable(variable, "Warning");
        }
    }

    // The test host otherwise picks a random port in 30000-40000, which parallel hosts could share by chance.
    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
