using Docker.DotNet.Models;
using FunctionsCloud.Agent.Containers;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Agent.Tests.Support;

namespace FunctionsCloud.Agent.Tests.Containers;

/// <summary>The plan alone, from listed containers made up in memory.</summary>
public sealed class ReconcilePlanTests
{
    [Fact]
    public void Each_difference_gets_its_step_and_matching_containers_none()
    {
        var missing = Desired.Container("new-1");
        var outdated = Desired.Container("old-1", revision: 3);
        var toStart = Desired.Container("idle-1");
        var toStop = Desired.Container("busy-1", running: false);
        var fine = Desired.Container("fine-1");
        var existing = new[]
        {
            Copy("a", outdated.Uuid, 2, "running"),
            Copy("b", toStart.Uuid, 1, "exited"),
            Copy("c", toStop.Uuid, 1, "running"),
            Copy("d", fine.Uuid, 1, "running"),
        };

        var plan = ReconcilePlan.Make([missing, outdated, toStart, toStop, fine], existing);

        Assert.Equal(
            [(ReconcileAction.Create, missing.Uuid, null), (ReconcileAction.Replace, outdated.Uuid, "a"), (ReconcileAction.Start, toStart.Uuid, "b"), (ReconcileAction.Stop, toStop.Uuid, "c")],
            plan.Steps.Select(s => (s.Action, s.Desired.Uuid, s.Current?.Id)));
        Assert.Empty(plan.Removals);
    }

    [Fact]
    public void Undesired_unlabelled_and_surplus_copies_are_removed_and_the_newest_copy_is_kept()
    {
        var web = Desired.Container("web-1", revision: 2);
        var existing = new[]
        {
            Copy("old", web.Uuid, 1, "exited"),
            Copy("new", web.Uuid, 2, "running"),
            Copy("gone", Guid.NewGuid(), 1, "running"),
            Copy("nameless", null, 1, "created"),
        };

        var plan = ReconcilePlan.Make([web], existing);

        Assert.Empty(plan.Steps);
        Assert.Equal(["gone", "nameless", "old"], plan.Removals.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_copy_newer_than_desired_is_not_replaced_and_a_restarting_one_counts_as_running()
    {
        var web = Desired.Container("web-1", revision: 1);

        var plan = ReconcilePlan.Make([web], [Copy("x", web.Uuid, 2, "restarting")]);

        Assert.Empty(plan.Steps);
        Assert.Empty(plan.Removals);
    }

    private static ManagedContainer Copy(string id, Guid? uuid, int revision, string state)
    {
        var labels = new Dictionary<string, string> { [NodeContainerLabels.Revision] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (uuid is { } value)
        {
            labels[NodeContainerLabels.Container] = value.ToString();
        }

        return ManagedContainer.From(new ContainerListResponse { ID = id, Labels = labels, State = state });
    }
}
