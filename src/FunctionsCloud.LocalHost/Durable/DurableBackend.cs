using DurableTask.Core;
using FunctionsCloud.LocalHost.Discovery;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// Runs the discovered orchestrators and activities on an orchestration service (the Azure Storage backend in the
/// local run and the tests): the service behind the gRPC sidecar, the Durable Task SDK's worker and client over a
/// channel to it, as the isolated worker talks to the Functions host in Azure.
/// </summary>
public sealed class DurableBackend : IAsyncDisposable
{
    private readonly DurableTaskSidecar _sidecar;
    private readonly GrpcChannel _channel;
    private readonly IHost _worker;

    private DurableBackend(DurableTaskSidecar sidecar, GrpcChannel channel, IHost worker)
    {
        _sidecar = sidecar;
        _channel = channel;
        _worker = worker;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    /// <param name="services">Resolves the app's service provider when an activity runs (it is built after the backend starts).</param>
    public static async Task<DurableBackend> StartAsync(
        IOrchestrationService service, IOrchestrationServiceClient client, IEnumerable<DiscoveredFunction> functions,
        Func<IServiceProvider> services, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var sidecar = await DurableTaskSidecar.StartAsync(service, client, loggerFactory, cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
            builder.Services.AddDurableTaskWorker(worker =>
            {
                worker.UseGrpc(channel);
                worker.AddTasks(registry => registry.AddFunctions(functions, services));
            });
            builder.Services.AddDurableTaskClient(durableClient =>
            {
                durableClient.UseGrpc(channel);
                durableClient.RegisterDirectly();
            });
            var worker = builder.Build();
            await worker.StartAsync(cancellationToken);
            return new DurableBackend(sidecar, channel, worker);
        }
        catch
        {
            channel.Dispose();
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <summary>The worker first (it stops taking work), then the channel, then the sidecar and its orchestration service.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _worker.StopAsync();
        }
        finally
        {
            _worker.Dispose();
            await _channel.ShutdownAsync();
            _channel.Dispose();
            await _sidecar.DisposeAsync();
        }
    }
}
