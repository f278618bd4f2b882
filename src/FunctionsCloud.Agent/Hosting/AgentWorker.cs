using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Heartbeats;
using FunctionsCloud.Agent.Registration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Hosting;

/// <summary>The agent's life: make sure it has an identity, then heartbeat until stopped or until the node is gone.</summary>
public sealed partial class AgentWorker(
    AgentOptions options,
    Registrar registrar,
    HeartbeatLoop heartbeats,
    AgentExitStatus exitStatus,
    IHostApplicationLifetime lifetime,
    ILogger<AgentWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(logger, options.ApiUrl, options.StateDir, options.Hostname);
        try
        {
            var node = await registrar.EnsureRegisteredAsync(stoppingToken).ConfigureAwait(false);
            var interval = node.HeartbeatInterval ?? options.HeartbeatInterval ?? AgentOptions.DefaultHeartbeatInterval;
            var outcome = await heartbeats.RunAsync(node.Identity, interval, stoppingToken, node.Lease).ConfigureAwait(false);
            exitStatus.Set(outcome == HeartbeatOutcome.NodeGone ? AgentExitCodes.NodeTerminated : AgentExitCodes.Success, outcome.ToString());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The agent must report any failure and exit with a code, not crash the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex.Message, ex);
            exitStatus.Set(AgentExitCodes.Failure, ex.Message);
        }

        lifetime.StopApplication();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(logger, exitStatus.StopReason ?? "stop requested");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FunctionsCloud agent starting: control plane {ApiUrl}, state directory {StateDir}, host name {Hostname}")]
    private static partial void LogStarting(ILogger logger, Uri apiUrl, string stateDir, string hostname);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The agent cannot go on: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "FunctionsCloud agent stopped ({Reason})")]
    private static partial void LogStopped(ILogger logger, string reason);
}
