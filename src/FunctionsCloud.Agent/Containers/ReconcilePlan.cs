using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// What brings the node's containers in line with the desired list: the steps for desired containers that differ
/// from their copies, and the containers to stop and remove (not desired, or surplus copies of a desired one).
/// </summary>
public sealed record ReconcilePlan(IReadOnlyList<ReconcileStep> Steps, IReadOnlyList<ManagedContainer> Removals)
{
    public static ReconcilePlan Make(IReadOnlyList<DesiredContainer> desired, IReadOnlyList<ManagedContainer> existing)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(existing);
        var copiesByUuid = existing.Where(c => c.Uuid is not null).ToLookup(c => c.Uuid!.Value);
        var wanted = desired.Select(d => d.Uuid).ToHashSet();
        var removals = existing.Where(c => c.Uuid is not { } uuid || !wanted.Contains(uuid)).ToList();
        var steps = new List<ReconcileStep>();
        foreach (var container in desired.DistinctBy(d => d.Uuid))
        {
            var copies = copiesByUuid[container.Uuid].ToList();
            var current = copies.Count == 0 ? null : ManagedContainer.Current(copies);
            removals.AddRange(copies.Where(c => !ReferenceEquals(c, current)));
            if (StepFor(container, current) is { } step)
            {
                steps.Add(step);
            }
        }

        return new ReconcilePlan(steps, removals);
    }

    private static ReconcileStep? StepFor(DesiredContainer desired, ManagedContainer? current) => current switch
    {
        null => new ReconcileStep(ReconcileAction.Create, desired, null),
        _ when current.Revision < desired.Revision => new ReconcileStep(ReconcileAction.Replace, desired, current),
        _ when desired.Running && !current.IsRunning => new ReconcileStep(ReconcileAction.Start, desired, current),
        _ when !desired.Running && current.IsRunning => new ReconcileStep(ReconcileAction.Stop, desired, current),
        _ => null,
    };
}
