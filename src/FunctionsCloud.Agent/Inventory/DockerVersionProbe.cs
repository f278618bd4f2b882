using Docker.DotNet;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Inventory;

/// <summary>
/// Asks the Docker engine at an endpoint (DOCKER_HOST form) for its version with a short timeout,
/// and remembers the answer (including "no engine") for <see cref="CacheFor"/> so heartbeats never wait on it.
/// </summary>
public sealed partial class DockerVersionProbe : IDockerVersionProbe, IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger<DockerVersionProbe> _logger;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DockerClient? _client;
    private (string? Version, DateTimeOffset At)? _cached;
    private bool? _lastAnswered;

    public DockerVersionProbe(Uri endpoint, TimeProvider time, ILogger<DockerVersionProbe> logger, TimeSpan? timeout = null)
    {
        _endpoint = endpoint;
        _time = time;
        _logger = logger;
        _timeout = timeout ?? DefaultTimeout;
    }

    public Uri Endpoint => _endpoint;

    public Task<string?> GetVersionAsync(CancellationToken cancellationToken) => VersionAsync(fresh: false, cancellationToken);

    public Task<string?> AskNowAsync(CancellationToken cancellationToken) => VersionAsync(fresh: true, cancellationToken);

    private async Task<string?> VersionAsync(bool fresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (!fresh && _cached is { } cached && now - cached.At < CacheFor)
            {
                return cached.Version;
            }

            var version = await AskAsync(cancellationToken).ConfigureAwait(false);
            _cached = (version, _time.GetUtcNow());
            return version;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string?> AskAsync(CancellationToken cancellationToken)
    {
        try
        {
            _client ??= new DockerClientConfiguration(_endpoint, defaultTimeout: _timeout).CreateClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            var answer = await _client.System.GetVersionAsync(timeout.Token)
                .WaitAsync(_timeout, _time, cancellationToken)
                .ConfigureAwait(false);
            if (_lastAnswered != true)
            {
                LogEngineFound(_logger, _endpoint, answer.Version);
            }

            _lastAnswered = true;
            return answer.Version;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (_lastAnswered != false)
            {
                LogNoEngine(_logger, _endpoint, ex.GetBaseException().Message);
            }

            _lastAnswered = false;
            _client?.Dispose();
            _client = null;
            return null;
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Docker engine at {Endpoint} answers: version {Version}")]
    private static partial void LogEngineFound(ILogger logger, Uri endpoint, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Docker engine answers at {Endpoint} ({Reason}); docker_version is reported as null")]
    private static partial void LogNoEngine(ILogger logger, Uri endpoint, string reason);
}
