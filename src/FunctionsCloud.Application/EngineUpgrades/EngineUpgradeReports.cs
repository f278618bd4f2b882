using FunctionsCloud.Application.Agents;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Validation;
using Microsoft.DurableTask.Client;

namespace FunctionsCloud.Application.EngineUpgrades;

/// <summary>
/// An agent's report of an engine upgrade, checked with its heartbeat and handed to the upgrade waiting for it. Only
/// the upgrade its lease orders is told (the order came from the node's own pointer row), so an agent reaches no other
/// orchestration; the agent repeats its report until the order is withdrawn, and the repeats find the upgrade ended.
/// </summary>
public static class EngineUpgradeReports
{
    public static void Validate(EngineUpgradeReport? report)
    {
        if (report is null)
            return;
        new Validator()
            .Require(report.Output is { Length: <= EngineUpgradeReport.MaxOutput }, "engine_upgrade.output", $"must be text of at most {EngineUpgradeReport.MaxOutput} characters.")
            .Require(report.Error is null or { Length: <= EngineUpgradeReport.MaxError }, "engine_upgrade.error", $"must be at most {EngineUpgradeReport.MaxError} characters.")
            .DockerVersion("engine_upgrade.docker_version", report.DockerVersion)
            .ThrowIfInvalid();
    }

    /// <param name="ordered">The upgrade the heartbeat's lease orders (null: none).</param>
    public static Task ForwardAsync(EngineUpgradeReport? report, Guid? ordered, DurableTaskClient? durable, CancellationToken cancellationToken) =>
        report is null || durable is null || report.Action != ordered
            ? Task.CompletedTask
            : durable.RaiseEventAsync(EngineUpgradeInput.InstanceIdOf(report.Action), EngineUpgradeNames.Reported, report, cancellationToken);
}
