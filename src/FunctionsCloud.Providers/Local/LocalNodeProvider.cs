using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using FunctionsCloud.Providers.Contract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Providers.Local;

/// <summary>
/// The <c>local</c> provider: each node is an agent process on this machine with its own state directory
/// <c>&lt;StateRoot&gt;/&lt;nodeUuid&gt;/</c>, sharing the local Docker engine. Processes outlive the call that
/// started them, each in a session of its own (a terminal's Ctrl+C reaches the host only); they are killed when the
/// provider is disposed (the host exits) unless <see cref="LocalNodeProviderOptions.LeaveRunningOnExit"/>. Agents
/// found running under the state root when the provider starts (left by a host that was killed or asked to leave
/// them) are its own from then on. Linux only (uses /proc and signals).
/// </summary>
public sealed partial class LocalNodeProvider : INodeProvider, IDisposable, IAsyncDisposable
{
    public const string ProviderName = "local";
    public const string TokenVariable = "FUNCTIONSCLOUD_AGENT_TOKEN";
    private const string LogFileVariable = "FUNCTIONSCLOUD_LOCAL_AGENT_LOG";

    // Runs the agent in place of the shell (same pid), appending its output to agent.log, with no stdin and no pipes to us.
    private const string LaunchScript = "exec \"$0\" \"$@\" </dev/null >>\"$" + LogFileVariable + "\" 2>&1";

    private static readonly string[] InheritedVariables = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "TZ", "SSL_CERT_FILE", "SSL_CERT_DIR"];
    private static readonly string[] InheritedPrefixes = ["DOTNET_", "DOCKER_"];

    private readonly LocalNodeProviderOptions _options;
    private readonly LocalNodeContainers? _containers;
    private readonly ILogger<LocalNodeProvider> _logger;
    private readonly string _stateRoot;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<Guid, RunningAgent> _running = new();
    private int _disposed;

    /// <param name="containers">Removes a terminated node's containers from the engine (none: they are left).</param>
    public LocalNodeProvider(IOptions<LocalNodeProviderOptions> options, ILogger<LocalNodeProvider> logger, LocalNodeContainers? containers = null)
    {
        _options = options.Value;
        _logger = logger;
        _containers = containers;
        _stateRoot = _options.ResolveStateRoot();
        AdoptRunningAgents();
    }

    /// <summary>Agents a previous host left running under the state root keep their nodes; this host stops them when it exits.</summary>
    private void AdoptRunningAgents()
    {
        if (!Directory.Exists(_stateRoot))
        {
            return;
        }

        foreach (var path in Directory.EnumerateDirectories(_stateRoot))
        {
            if (Guid.TryParse(System.IO.Path.GetFileName(path), out var nodeUuid) && RunningAgent.Found(new LocalNodeDirectory(_stateRoot, nodeUuid)) is { } agent)
            {
                _running.TryAdd(nodeUuid, agent);
            }
        }
    }

    public string Name => ProviderName;

    public string StateRoot => _stateRoot;

    /// <summary>Nodes on this machine need no account.</summary>
    public bool NeedsAccount => false;

    public Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A node runs while its agent process does; an agent process starts at once, so nothing is ever pending.</summary>
    public Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<NodeStatus> statuses = request.Nodes.Select(node =>
        {
            var directory = new LocalNodeDirectory(_stateRoot, node.NodeUuid);
            return directory.ReadPid() is { } pid && LocalProcesses.IsAliveWithArgument(pid, directory.Path)
                ? new NodeStatus(node.NodeUuid, NodeProvisioning.Running, pid.ToString(CultureInfo.InvariantCulture), "127.0.0.1")
                : new NodeStatus(node.NodeUuid, NodeProvisioning.Gone);
        }).ToList();
        return Task.FromResult(statuses);
    }

    public async Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var results = new List<NodeCreationResult>(request.Nodes.Count);
        foreach (var node in request.Nodes)
        {
            var gate = _locks.GetOrAdd(node.NodeUuid, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                results.Add(Create(node));
            }
#pragma warning disable CA1031 // One node's failure is reported in its result; the others go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCreateFailed(_logger, node.NodeUuid, ex.Message, ex);
                results.Add(NodeCreationResult.Failed(node.NodeUuid, $"Could not start the local agent: {ex.Message}"));
            }
            finally
            {
                gate.Release();
            }
        }

        return results;
    }

    public async Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stops = request.Nodes.Select(node => TerminateOneAsync(node, cancellationToken));
        return await Task.WhenAll(stops).ConfigureAwait(false);
    }

    private NodeCreationResult Create(NodeToCreate node)
    {
        var directory = new LocalNodeDirectory(_stateRoot, node.NodeUuid);
        if (RunningAgent.Found(directory) is { } existing)
        {
            _running.TryAdd(node.NodeUuid, existing);
            LogAlreadyRunning(_logger, node.NodeUuid, existing.Pid);
            return Created(node.NodeUuid, existing.Pid);
        }

        var agentPath = _options.ResolveAgentPath();
        if (!File.Exists(agentPath))
        {
            return NodeCreationResult.Failed(node.NodeUuid, $"The agent is not at {agentPath}; set {LocalNodeProviderOptions.SectionName}:AgentPath.");
        }

        directory.Create();
        // setsid runs the shell (then the agent, same pid) as the leader of a new session.
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in (string[])["/bin/sh", "-c", LaunchScript, _options.ResolveDotnetPath(), agentPath,
                     "--api-url", node.Bootstrap.ApiUrl, "--state-dir", directory.Path])
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start.Environment, directory, node.Bootstrap.RegistrationToken);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        directory.WritePid(process.Id);
        if (_running.TryGetValue(node.NodeUuid, out var previous))
        {
            previous.Process?.Dispose();
        }

        _running[node.NodeUuid] = new RunningAgent(process.Id, null, process);
        LogStarted(_logger, node.NodeUuid, process.Id, directory.LogFile);
        return Created(node.NodeUuid, process.Id);
    }

    private static NodeCreationResult Created(Guid nodeUuid, int pid) =>
        NodeCreationResult.Created(nodeUuid, pid.ToString(CultureInfo.InvariantCulture), publicIp: "127.0.0.1");

    /// <summary>A clean environment: the host's secrets (connection strings, keys) stay out of the agent; the token is not in argv.</summary>
    private static void SetEnvironment(IDictionary<string, string?> environment, LocalNodeDirectory directory, string token)
    {
        var inherited = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: (string?)e.Value))
            .Where(e => InheritedVariables.Contains(e.Name, StringComparer.Ordinal)
                || InheritedPrefixes.Any(p => e.Name.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        environment.Clear();
        foreach (var (name, value) in inherited)
        {
            environment[name] = value;
        }

        environment[LogFileVariable] = directory.LogFile;
        environment[TokenVariable] = token;
    }

    private async Task<NodeTerminationResult> TerminateOneAsync(ProvisionedNode node, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(node.NodeUuid, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var directory = new LocalNodeDirectory(_stateRoot, node.NodeUuid);
            _running.TryRemove(node.NodeUuid, out var tracked);
            var agent = tracked is { Process: not null } ? tracked
                : RunningAgent.Found(directory, directory.ReadPid() ?? tracked?.Pid ?? ParsePid(node.ProviderId));
            if (agent is not null)
            {
                await StopAgentAsync(node.NodeUuid, agent, cancellationToken).ConfigureAwait(false);
            }

            tracked?.Process?.Dispose();
            if (_containers is not null)
            {
                await _containers.RemoveAllAsync(node.NodeUuid, cancellationToken).ConfigureAwait(false);
            }

            directory.Delete();
            LogTerminated(_logger, node.NodeUuid);
            return new NodeTerminationResult(node.NodeUuid, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTerminateFailed(_logger, node.NodeUuid, ex.Message, ex);
            return new NodeTerminationResult(node.NodeUuid, false, $"Could not terminate the local agent: {ex.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// SIGTERM, then waits up to <see cref="LocalNodeProviderOptions.StopTimeout"/> for the agent to end (it says it
    /// stopped), else kills it and waits for that. Only the agent itself: our own child, or one taken over that still is
    /// the process taken over (never a process that got its pid later).
    /// </summary>
    private async Task StopAgentAsync(Guid nodeUuid, RunningAgent agent, CancellationToken cancellationToken)
    {
        if (agent.Adopted is { } adopted)
        {
            await adopted.StopAsync(_options.StopTimeout, cancellationToken).ConfigureAwait(false);
            return;
        }

        var process = agent.Process!;
        if (process.HasExited)
        {
            return;
        }

        // Our own child: its pid stays ours (unreaped) until waited for, so a signal by pid reaches it and nothing else.
        LocalProcesses.RequestStop(process.Id);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(_options.StopTimeout);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogKilling(_logger, nodeUuid, process.Id, _options.StopTimeout.TotalSeconds);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static int? ParsePid(string? providerId) =>
        int.TryParse(providerId, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Stops every agent this provider started or found running, each as terminating its node would, and waits until
    /// they have ended; then removes their containers. So when the host goes on to stop storage, no agent is left to
    /// spend its last seconds failing against it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_options.LeaveRunningOnExit)
        {
            LeaveRunning();
            return;
        }

        await Task.WhenAll(_running.Select(pair => StopOnExitAsync(pair.Key, pair.Value))).ConfigureAwait(false);
        if (_containers is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Task.WhenAll(_running.Keys.Select(node => _containers.RemoveAllAsync(node, timeout.Token))).ConfigureAwait(false);
        }

        _running.Clear();
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }
    }

    private async Task StopOnExitAsync(Guid nodeUuid, RunningAgent agent)
    {
        try
        {
            await StopAgentAsync(nodeUuid, agent, CancellationToken.None).ConfigureAwait(false);
            LogStoppedOnExit(_logger, nodeUuid, agent.Pid);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        finally
        {
            agent.Process?.Dispose();
        }
    }

    /// <summary>Lets go of the agents (they run on, in their own sessions) without stopping them.</summary>
    private void LeaveRunning()
    {
        foreach (var (nodeUuid, agent) in _running)
        {
            LogLeftRunning(_logger, nodeUuid, agent.Pid);
            agent.Process?.Dispose();
        }

        _running.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local node {NodeUuid}: agent left running as process {Pid}")]
    private static partial void LogLeftRunning(ILogger logger, Guid nodeUuid, int pid);

    /// <summary>An agent this provider runs: its own child (<paramref name="Process"/>) or one it took over (<paramref name="Adopted"/>).</summary>
    private sealed record RunningAgent(int Pid, ProcessIdentity? Adopted, Process? Process)
    {
        /// <summary>The agent the node's pid file (or <paramref name="pid"/>) names, when that process runs on the node's directory.</summary>
        public static RunningAgent? Found(LocalNodeDirectory directory, int? pid = null) =>
            (pid ?? directory.ReadPid()) is { } recorded && ProcessIdentity.Of(recorded, directory.Path) is { } identity
                ? new RunningAgent(identity.Pid, identity, null)
                : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local node {NodeUuid}: agent started as process {Pid}, output in {LogFile}")]
    private static partial void LogStarted(ILogger logger, Guid nodeUuid, int pid, string logFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local node {NodeUuid}: agent already running as process {Pid}")]
    private static partial void LogAlreadyRunning(ILogger logger, Guid nodeUuid, int pid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Local node {NodeUuid}: could not start the agent: {Reason}")]
    private static partial void LogCreateFailed(ILogger logger, Guid nodeUuid, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local node {NodeUuid}: agent process {Pid} did not stop within {Seconds:0} s of SIGTERM; killing it")]
    private static partial void LogKilling(ILogger logger, Guid nodeUuid, int pid, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local node {NodeUuid}: terminated, state directory removed")]
    private static partial void LogTerminated(ILogger logger, Guid nodeUuid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Local node {NodeUuid}: could not terminate: {Reason}")]
    private static partial void LogTerminateFailed(ILogger logger, Guid nodeUuid, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local node {NodeUuid}: agent process {Pid} stopped as the provider shuts down")]
    private static partial void LogStoppedOnExit(ILogger logger, Guid nodeUuid, int pid);
}
