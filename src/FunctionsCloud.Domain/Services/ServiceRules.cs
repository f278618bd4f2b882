using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.States;

namespace FunctionsCloud.Domain.Services;

/// <summary>Docker Cloud's rules for a service's settings beyond the format of single values.</summary>
public static class ServiceRules
{
    public const int DefaultTargetNumContainers = 1;

    /// <summary>1 TiB: more than any node offers, and far from overflowing when the agent turns it into bytes.</summary>
    public const long MaxMemoryMb = 1_048_576;

    /// <summary>The kernel's own ceiling for cpu.shares, which the engine passes on.</summary>
    public const long MaxCpuShares = 262_144;

    /// <summary>Null when the memory limit (MB; 0 for none) is one the engine can apply.</summary>
    public static string? MemoryProblem(long memoryMb) =>
        memoryMb is >= 0 and <= MaxMemoryMb ? null : $"must be between 0 (no limit) and {MaxMemoryMb} (MB), was {memoryMb}.";

    /// <summary>Null when the CPU shares (0 for the engine's default) are ones the kernel takes.</summary>
    public static string? CpuSharesProblem(long shares) =>
        shares is >= 0 and <= MaxCpuShares ? null : $"must be between 0 (the default weight) and {MaxCpuShares}, was {shares}.";

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
