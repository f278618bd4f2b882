using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>Compares two reports by value (records compare their port lists by reference).</summary>
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
        left with { Ports = null } == right with { Ports = null }
        && (left.Ports ?? []).SequenceEqual(right.Ports ?? []);
}
