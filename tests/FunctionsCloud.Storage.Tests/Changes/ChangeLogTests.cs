using System.Reflection;
using Azure.Data.Tables;
using FunctionsCloud.Domain.Changes;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.Changes;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using FunctionsCloud.Storage.Tests.Containers;
using FunctionsCloud.Storage.Tests.Services;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Changes;

/// <summary>Every write of an object store reaches the namespace's change log, once, in order, and nowhere else.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChangeLogTests
{
    private static readonly Type[] ObjectStores = [typeof(INodeClusterStore), typeof(INodeStore), typeof(IServiceStore), typeof(IContainerStore), typeof(IActionStore), typeof(IStackStore)];

    /// <summary>Writes of rows nobody sees (a stack whose services are still being written): they log nothing, by design.</summary>
    private static readonly string[] HiddenWrites = ["IStackStore.DeleteHiddenAsync"];

    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());
    private readonly ServiceStore _services;
    private readonly ContainerStore _containers;
    private readonly StackStore _stacks;

    public ChangeLogTests()
    {
        _services = new ServiceStore(_storage.Tables);
        _containers = new ContainerStore(_storage.Tables);
        _stacks = new StackStore(_storage.Tables);
    }

    /// <summary>Each write method of the object stores, the change it must log (type, action, state).</summary>
    private Dictionary<string, Func<string, Task<(Guid Uuid, string Type, string Action, string State)>>> Writes() => new()
    {
        ["INodeClusterStore.CreateAsync"] = async ns =>
        {
            var cluster = Samples.Cluster(ns);
            await _storage.NodeClusters.CreateAsync(cluster);
            return (cluster.Uuid, "nodecluster", "create", "Partly deployed");
        },
        ["INodeClusterStore.UpdateAsync(item)"] = async ns =>
        {
            var cluster = Samples.Cluster(ns);
            await _storage.NodeClusters.CreateAsync(cluster);
            cluster.Restore(Domain.NodeClusters.NodeClusterState.Terminated);
            await _storage.NodeClusters.UpdateAsync(cluster);
            return (cluster.Uuid, "nodecluster", "delete", "Terminated");
        },
        ["INodeClusterStore.UpdateAsync(change)"] = async ns =>
        {
            var cluster = Samples.Cluster(ns);
            await _storage.NodeClusters.CreateAsync(cluster);
            await _storage.NodeClusters.UpdateAsync(ns, cluster.Uuid, c => { c.Nickname = "renamed"; return true; });
            return (cluster.Uuid, "nodecluster", "update", "Partly deployed");
        },
        ["INodeClusterStore.UpdateAsync(known, change)"] = async ns =>
        {
            var cluster = Samples.Cluster(ns);
            await _storage.NodeClusters.CreateAsync(cluster);
            await _storage.NodeClusters.UpdateAsync(ns, cluster.Uuid, cluster, c => { c.Nickname = "renamed"; return true; });
            return (cluster.Uuid, "nodecluster", "update", "Partly deployed");
        },
        ["INodeStore.CreateAsync"] = async ns =>
        {
            var node = Samples.Node(ns);
            await _storage.Nodes.CreateAsync(node);
            return (node.Uuid, "node", "create", "Unreachable");
        },
        ["INodeStore.TryWriteStatesAsync"] = async ns =>
        {
            var node = Samples.Node(ns);
            await _storage.Nodes.CreateAsync(node);
            node.Restore(NodeState.Deployed);
            Assert.Equal([true], await _storage.Nodes.TryWriteStatesAsync([node]));
            return (node.Uuid, "node", "update", "Deployed");
        },
        ["IServiceStore.CreateAsync"] = async ns =>
        {
            var service = ServiceSamples.Bare(ns);
            await _services.CreateAsync(service);
            return (service.Uuid, "service", "create", "Not running");
        },
        ["IServiceStore.UpdateAsync(change)"] = async ns =>
        {
            var service = ServiceSamples.Bare(ns);
            await _services.CreateAsync(service);
            await _services.UpdateAsync(ns, service.Uuid, s => { s.MoveTo(ServiceState.Starting); return true; });
            return (service.Uuid, "service", "update", "Starting");
        },
        ["IServiceStore.CreateTogetherAsync"] = async ns =>
        {
            var service = ServiceSamples.Bare(ns);
            await _services.CreateTogetherAsync([service, ServiceSamples.Bare(ns)]);
            return (service.Uuid, "service", "create", "Not running");
        },
        ["IStackStore.CreateAsync"] = async ns =>
        {
            var stack = Stack(ns, complete: true);
            await _stacks.CreateAsync(stack);
            return (stack.Uuid, "stack", "create", "Not running");
        },
        ["IStackStore.ShowAsync"] = async ns =>
        {
            var stack = Stack(ns, complete: false);
            await _stacks.CreateAsync(stack);
            await _stacks.ShowAsync(stack);
            return (stack.Uuid, "stack", "create", "Not running");
        },
        ["IStackStore.UpdateAsync(change)"] = async ns =>
        {
            var stack = Stack(ns, complete: true);
            await _stacks.CreateAsync(stack);
            await _stacks.UpdateAsync(ns, stack.Uuid, s => { s.Restore(ServiceState.Terminated); return true; });
            return (stack.Uuid, "stack", "delete", "Terminated");
        },
        ["IContainerStore.CreateAsync"] = async ns =>
        {
            var container = ContainerSamples.Container(ns);
            await _containers.CreateAsync(container);
            return (container.Uuid, "container", "create", "Running");
        },
        ["IContainerStore.CreateManyAsync"] = async ns =>
        {
            var container = ContainerSamples.Container(ns);
            await _containers.CreateManyAsync([container, ContainerSamples.Container(ns)]);
            return (container.Uuid, "container", "create", "Running");
        },
        ["IActionStore.CreateAsync"] = async ns =>
        {
            var action = Samples.Action(ns);
            await _storage.Actions.CreateAsync(action);
            return (action.Uuid, "action", "create", "In progress");
        },
        ["IActionStore.UpdateAsync(action)"] = async ns =>
        {
            var action = Samples.Action(ns);
            await _storage.Actions.CreateAsync(action);
            await _storage.Actions.UpdateAsync(ns, action.Uuid, (Action<Domain.Actions.ActionRecord>)(a => a.Finish(Samples.At(3), succeeded: true, "done")));
            return (action.Uuid, "action", "update", "Success");
        },
    };

    [Fact]
    public void Every_write_method_of_the_object_stores_is_covered_below()
    {
        // A store that gains a way to write gains a row in Writes(), or this fails: no change goes unlogged unseen.
        var methods = ObjectStores
            .SelectMany(store => store.GetInterfaces().Append(store).SelectMany(t => t.GetMethods()).Select(m => (store, m)))
            .Where(x => !x.m.Name.StartsWith("Get", StringComparison.Ordinal) && !x.m.Name.StartsWith("List", StringComparison.Ordinal)
                && !x.m.Name.StartsWith("Query", StringComparison.Ordinal) && !x.m.Name.StartsWith("Find", StringComparison.Ordinal) && !x.m.IsSpecialName)
            .Select(x => $"{x.store.Name}.{x.m.Name}")
            .ToHashSet();
        var covered = Writes().Keys.Select(k => k.Split('(')[0]).ToHashSet();
        // Every store has the generic writes; the rows above exercise them through one store or more.
        var generic = typeof(Entities.IEntityStore<>).GetMethods().Select(m => m.Name).ToHashSet();
        var missing = methods.Where(m => !covered.Contains(m) && !(generic.Contains(m.Split('.')[1]) && covered.Any(c => c.EndsWith("." + m.Split('.')[1], StringComparison.Ordinal))));
        Assert.Empty(missing.Except(HiddenWrites));
    }

    [Fact]
    public async Task A_stack_whose_services_are_being_written_logs_nothing_until_it_is_shown()
    {
        var ns = "ns" + Guid.NewGuid().ToString("N")[..8];
        var (removed, shown) = (Stack(ns, complete: false), Stack(ns, complete: false));
        await _stacks.CreateAsync(removed);
        await _stacks.DeleteHiddenAsync(removed);
        await _stacks.CreateAsync(shown);
        Assert.Empty(await _storage.Tables.Changes.ReadAfterAsync(ns, 0, 10, CancellationToken.None));

        await _stacks.ShowAsync(shown);

        var change = Assert.Single(await _storage.Tables.Changes.ReadAfterAsync(ns, 0, 10, CancellationToken.None));
        Assert.Equal((shown.Uuid, "stack", "create", $"/api/app/v1/stack/{shown.Uuid:D}/"), (change.Uuid, change.Type, change.Action, change.ResourceUri));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _stacks.DeleteHiddenAsync(shown));
    }

    [Fact]
    public async Task A_service_of_a_stack_names_its_stack_as_its_parent()
    {
        var ns = "ns" + Guid.NewGuid().ToString("N")[..8];
        var service = new Service { Uuid = Guid.NewGuid(), Namespace = ns, Name = "web", ImageName = "busybox", StackUuid = Guid.NewGuid() };

        await _services.CreateTogetherAsync([service]);

        var change = Assert.Single(await _storage.Tables.Changes.ReadAfterAsync(ns, 0, 10, CancellationToken.None));
        Assert.Equal([$"/api/app/v1/stack/{service.StackUuid:D}/"], change.Parents);
    }

    [Fact]
    public async Task Every_write_logs_its_change_once_and_leaves_no_outbox_row()
    {
        foreach (var (name, write) in Writes())
        {
            var ns = "ns" + Guid.NewGuid().ToString("N")[..8];
            var (uuid, type, action, state) = await write(ns);

            var changes = await _storage.Tables.Changes.ReadAfterAsync(ns, 0, 100, CancellationToken.None);
            var last = changes.Last(c => c.Uuid == uuid);
            Assert.True((type, action, state) == (last.Type, last.Action, last.State), $"{name}: logged {last.Type} {last.Action} {last.State}");
            Assert.Equal(Enumerable.Range(1, changes.Count).Select(i => (long)i), changes.Select(c => c.Sequence));
            Assert.Equal(changes.Count, changes.DistinctBy(c => (c.Uuid, c.Action, c.State, c.Datetime)).Count());
            Assert.Empty(await OutboxRowsAsync(ns));
        }
    }

    [Fact]
    public async Task A_change_carries_its_object_and_parents_as_docker_cloud_sent_them()
    {
        var container = ContainerSamples.Container();
        var ns = container.Namespace + Guid.NewGuid().ToString("N")[..6];
        container = ContainerSamples.Container(ns);
        await _containers.CreateAsync(container);

        var change = Assert.Single(await _storage.Tables.Changes.ReadAfterAsync(ns, 0, 10, CancellationToken.None));

        Assert.Equal($"/api/app/v1/container/{container.Uuid:D}/", change.ResourceUri);
        Assert.Equal([$"/api/app/v1/service/{container.ServiceUuid:D}/", $"/api/infra/v1/node/{container.NodeUuid:D}/"], change.Parents);
        Assert.Equal(container.Uuid, change.Uuid);
        Assert.True(change.Datetime > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Concurrent_writers_on_two_instances_get_every_number_once_in_order()
    {
        var ns = "ns" + Guid.NewGuid().ToString("N")[..8];
        var other = new ServiceStore(new TestStorage(_storage.Names.Prefix).Tables); // another instance: a head cache of its own
        var services = Enumerable.Range(0, 30).Select(_ => ServiceSamples.Bare(ns)).ToList();

        await Task.WhenAll(services.Select((s, i) => (i % 2 == 0 ? _services : other).CreateAsync(s)));

        var changes = await _storage.Tables.Changes.ReadAfterAsync(ns, 0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), changes.Select(c => c.Sequence));
        Assert.Equal(services.Select(s => s.Uuid).Order(), changes.Select(c => c.Uuid).Order());
    }

    [Fact]
    public async Task A_change_its_writer_left_behind_is_relayed_by_the_catch_up_once_and_lists_never_show_it()
    {
        var ns = "ns" + Guid.NewGuid().ToString("N")[..8];
        var service = ServiceSamples.Bare(ns);
        await _services.CreateAsync(service);
        // The writer stopped after its transaction: its outbox row is still there, the log has nothing of it.
        var subject = ChangeSubjects.Of(service);
        var left = PendingChangeEntity.For(ns, subject with { State = "Starting" }, created: false, DateTimeOffset.UtcNow);
        await _storage.Raw(_storage.Names.Services).AddEntityAsync(left);
        Assert.Single((await _services.ListAsync(ns, TableQuery.All, 0, 10)).Items);

        var later = new TestStorage(_storage.Names.Prefix, clock: new ShiftedClock(TimeSpan.FromMinutes(1)));
        await later.Tables.Changes.CatchUpAsync(ns, CancellationToken.None, force: true);
        await later.Tables.Changes.CatchUpAsync(ns, CancellationToken.None, force: true);
        // Relayed a second time (its delete was lost): the id row refuses it.
        await later.Tables.Changes.AppendAsync([left], CancellationToken.None);

        var changes = await _storage.Tables.Changes.ReadAfterAsync(ns, 0, 10, CancellationToken.None);
        Assert.Equal(["create", "update"], changes.Select(c => c.Action));
        Assert.Empty(await OutboxRowsAsync(ns));
    }

    [Fact]
    public async Task A_namespace_reads_only_its_own_changes()
    {
        var (mine, theirs) = ("ns" + Guid.NewGuid().ToString("N")[..8], "ns" + Guid.NewGuid().ToString("N")[..8]);
        var service = ServiceSamples.Bare(mine);
        await _services.CreateAsync(service);
        await _services.CreateAsync(ServiceSamples.Bare(theirs));

        var listed = await _storage.Tables.Changes.ListAsync(mine, 0, null, 0, 10, CancellationToken.None);

        Assert.Equal(service.Uuid, Assert.Single(listed.Items).Uuid);
        Assert.Equal(1, listed.TotalCount);
    }

    private async Task<List<TableEntity>> OutboxRowsAsync(string ns)
    {
        var rows = new List<TableEntity>();
        foreach (var table in new[] { _storage.Names.NodeClusters, _storage.Names.Nodes, _storage.Names.Services, _storage.Names.Containers, _storage.Names.Actions, _storage.Names.Stacks })
        {
            await _storage.Raw(table).CreateIfNotExistsAsync();
            await foreach (var row in _storage.Raw(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ns} and RowKey ge {"~"}")))
                rows.Add(row);
        }

        return rows;
    }

    private static Domain.Stacks.Stack Stack(string ns, bool complete) =>
        new() { Uuid = Guid.NewGuid(), Namespace = ns, Name = "shop", Complete = complete, CreatedDatetime = Samples.At(1) };

    /// <summary>This machine's clock, moved on: outbox rows written now look left behind to it.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
