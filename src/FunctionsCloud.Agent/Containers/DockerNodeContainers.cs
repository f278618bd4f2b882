using Docker.DotNet;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Containers;

/// <summary>The node's containers on the Docker engine at an endpoint (DOCKER_HOST form), reconciled and reported.</summary>
public sealed partial class DockerNodeContainers : INodeContainers, IDisposable
{
    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(10);
    public const int DefaultParallelism = 8;

    /// <summary>A report is taken for every heartbeat: an engine that hangs must not hold the heartbeat up for long.</summary>
    public static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(5);

    private readonly DockerClient _docker;
    private readonly NodeReconciler _reconciler;
    private readonly NodeReporter _reporter;
    private readonly ILogger<DockerNodeContainers> _logger;
    private bool? _lastAnswered;

    public DockerNodeContainers(Uri endpoint, ILogger<DockerNodeContainers> logger, TimeSpan? stopGrace = null, int parallelism = DefaultParallelism)
    {
        Endpoint = endpoint;
        _logger = logger;
        _docker = new DockerClientConfiguration(endpoint).CreateClient();
        var progress = new ReconcileProgress();
        _reconciler = new NodeReconciler(_docker, new ContainerActions(_docker, stopGrace ?? DefaultStopGrace), progress, parallelism, logger);
        _reporter = new NodeReporter(_docker, progress, new ImageEnvironments(_docker));
    }

    public Uri Endpoint { get; }

    public async Task<IReadOnlyList<ReportedContainer>?> ReportAsync(Guid nodeUuid, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReportTimeout);
        try
        {
            var report = await _reporter.ReportAsync(nodeUuid, timeout.Token).ConfigureAwait(false);
            _lastAnswered = true;
            return report;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (_lastAnswered != false)
            {
                LogNoEngine(_logger, Endpoint, DockerErrors.Describe(ex));
            }

            _lastAnswered = false;
            return null;
        }
    }

    public void Delivered(IReadOnlyList<ReportedContainer> report) => _reporter.Delivered(report);

    public Task ReconcileAsync(Guid nodeUuid, IReadOnlyList<DesiredContainer> desired, IPullCredentials pullCredentials, CancellationToken cancellationToken) =>
        _reconciler.ReconcileAsync(nodeUuid, desired, pullCredentials, cancellationToken);

    public void Dispose() => _docker.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node's containers cannot be listed at {Endpoint} ({Reason}); heartbeats carry no container report until the engine answers")]
    private static partial void LogNoEngine(ILogger logger, Uri endpoint, string reason);
}
