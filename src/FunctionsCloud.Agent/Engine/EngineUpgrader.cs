using System.Diagnostics;
using FunctionsCloud.Agent.Configuration;
using FunctionsCloud.Agent.Inventory;
using FunctionsCloud.Domain.Agents;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Agent.Engine;

/// <summary>
/// Runs the engine upgrade a heartbeat answer orders, once per action, beside the heartbeats (they go on while the engine
/// restarts): the upgrade command (<see cref="AgentOptions.UpgradeCommand"/>, through /bin/sh), then a wait for the engine
/// to answer again. The outcome is reported with every heartbeat until the answers stop ordering the upgrade.
/// </summary>
public sealed partial class EngineUpgrader(AgentOptions options, IDockerVersionProbe docker, TimeProvider time, ILogger<EngineUpgrader> logger)
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan EngineTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan EnginePoll = TimeSpan.FromSeconds(1);

    private Guid? _ordered;
    private Task<EngineUpgradeReport>? _running;

    /// <summary>How the ordered upgrade ended, once it has (null: none ordered, or still running).</summary>
    public EngineUpgradeReport? Report => _running is { IsCompletedSuccessfully: true } done ? done.Result : null;

    /// <summary>Takes in an answer's order: the upgrade of an action not seen yet starts; no order forgets the last one.</summary>
    public void Follow(EngineUpgradeOrder? order, CancellationToken cancellationToken)
    {
        if (order?.Action == _ordered)
            return;
        _ordered = order?.Action;
        _running = order is null ? null : RunAsync(order.Action, cancellationToken);
    }

    private async Task<EngineUpgradeReport> RunAsync(Guid action, CancellationToken cancellationToken)
    {
        await Task.Yield();
        LogStarting(logger, action, options.UpgradeCommand);
        var output = new OutputTail(EngineUpgradeReport.MaxOutput);
        var error = await RunCommandAsync(output, cancellationToken).ConfigureAwait(false);
        var version = error is null ? await WaitForEngineAsync(cancellationToken).ConfigureAwait(false) : null;
        if (error is null && version is null)
            error = $"The Docker engine did not answer within {EngineTimeout.TotalSeconds:0} s of the upgrade.";
        LogEnded(logger, action, error ?? $"the engine answers, version {version}");
        return new EngineUpgradeReport(action, error is null, output.Text, version, error);
    }

    /// <summary>Null when the command exited with status 0, else why it failed.</summary>
    private async Task<string?> RunCommandAsync(OutputTail output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(options.UpgradeCommand);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"The upgrade command could not be started: {e.Message}";
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return $"The upgrade command did not finish within {CommandTimeout.TotalMinutes:0} minutes and was stopped.";
        }

        return process.ExitCode == 0 ? null : $"The upgrade command exited with status {process.ExitCode}.";
    }

    /// <summary>The engine's version once it answers again; null when it stays silent for <see cref="EngineTimeout"/>.</summary>
    private async Task<string?> WaitForEngineAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + EngineTimeout;
        while (true)
        {
            if (await docker.AskNowAsync(cancellationToken).ConfigureAwait(false) is { } version)
                return version;
            if (time.GetUtcNow() >= deadline)
                return null;
            await Task.Delay(EnginePoll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine upgrade {Action}: running {Command}")]
    private static partial void LogStarting(ILogger logger, Guid action, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine upgrade {Action} ended: {Outcome}")]
    private static partial void LogEnded(ILogger logger, Guid action, string outcome);
}
