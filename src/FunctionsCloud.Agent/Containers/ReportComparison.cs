using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// Compares two reports by value (records compare their port lists by reference). Image variables are left out: they
/// go once, so a report that lacks them after they went says nothing new.
/// </summary>
public static class ReportComparison
{
    public static bool Same(IReadOnlyList<ReportedContainer>? left, IReadOnlyList<ReportedContainer>? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return left.Count == right.Count && left.Zip(right).All(pair => SameContainer(pair.First, pair.Second));
    }

    private static bool SameContainer(ReportedContainer left, ReportedContainer right) =>
        left with { Ports = null, ImageEnv = null } == right with { Ports = null, ImageEnv = null }
        && (left.Ports ?? []).SequenceEqual(right.Ports ?? []);
}
