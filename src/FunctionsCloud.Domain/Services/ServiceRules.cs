using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>Docker Cloud's rules for a service's settings beyond the format of single values.</summary>
public static class ServiceRules
{
    public const int DefaultTargetNumContainers = 1;

    /// <summary>Null when a service may move from one deployment strategy to the other: never to or from EVERY_NODE.</summary>
    public static string? StrategyChangeProblem(DeploymentStrategy from, DeploymentStrategy to) =>
        from == to || (from != DeploymentStrategy.EveryNode && to != DeploymentStrategy.EveryNode)
            ? null
            : $"a service cannot switch from {ApiNames.Of(from)} to {ApiNames.Of(to)}: EVERY_NODE is chosen when the service is created, or never.";

    /// <summary>Null when the service's number of containers can be set by hand; EVERY_NODE follows its nodes instead.</summary>
    public static string? ManualScaleProblem(DeploymentStrategy strategy) =>
        strategy == DeploymentStrategy.EveryNode
            ? "an EVERY_NODE service runs one container on each eligible node and cannot be scaled by hand."
            : null;

    /// <summary>Null when the engine accepts the working directory: none, or an absolute path.</summary>
    public static string? WorkingDirProblem(string? workingDir) =>
        string.IsNullOrEmpty(workingDir) || workingDir.StartsWith('/') ? null : $"'{workingDir}' is not an absolute path.";
}
