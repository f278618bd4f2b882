using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.EngineUpgrades;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.NodeTermination;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Application.Stacks.Operations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Functions.NodeClusters;
using FunctionsCloud.Functions.Nodes;
using FunctionsCloud.Functions.Operations;
using FunctionsCloud.Functions.ServiceOperations;
using FunctionsCloud.Functions.Services;
using FunctionsCloud.Functions.Stacks;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Functions.Tests.Support;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using FunctionsCloud.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Orchestrations;

/// <summary>
/// The durable backend delivers an activity at least once: every activity of the function app, run twice with the
/// same input against the real stores, has the effects of one run (no second machine, container, log line, action).
/// The cases come from the function app itself, so an activity added without a case here fails.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RedeliveredActivityTests : IAsyncLifetime
{
    private readonly ScriptedNodeProvider _provider = new(_ => NodeScript.NeverRegisters);
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(services: services => services.UseOnlyProvider(_provider));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The function app's activities, by function name.</summary>
    public static TheoryData<string> Activities => new(typeof(FunctionsCloudWorker).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods())
        .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
        .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name)
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Activities))]
    public Task An_activity_delivered_twice_has_the_effects_of_one(string activity) => CaseOf(activity)();

    private Func<Task> CaseOf(string activity) => activity switch
    {
        ClusterOperationNames.Begin => BeginClusterOperationAsync,
        ClusterOperationNames.CreateNodes => CreateNodesAsync,
        ClusterOperationNames.DescribeNodes => DescribeNodesAsync,
        ClusterOperationNames.RecordRegistrations => RecordRegistrationsAsync,
        ClusterOperationNames.TerminateNodes => TerminateNodesAsync,
        ClusterOperationNames.Complete => CompleteClusterOperationAsync,
        ServiceOperationNames.Begin => BeginServiceOperationAsync,
        ServiceOperationNames.Apply => ApplyServiceStepAsync,
        ServiceOperationNames.Observe => ObserveServiceContainersAsync,
        ServiceOperationNames.Complete => CompleteServiceOperationAsync,
        HealingNames.TryStart => TryStartSystemOperationAsync,
        OwnNodeTerminationNames.Begin => BeginOwnNodeTerminationAsync,
        OwnNodeTerminationNames.MoveContainers => MoveOwnNodeContainersAsync,
        OwnNodeTerminationNames.HaveContainersMoved => HaveOwnNodeContainersMovedAsync,
        OwnNodeTerminationNames.Complete => CompleteOwnNodeTerminationAsync,
        PredecessorWait.Cancel => CancelTakenOverOperationAsync,
        PredecessorWait.HasEnded => HasTakenOverOperationEndedAsync,
        PredecessorWait.StopStuck => StopStuckTakenOverOperationAsync,
        StackOperationNames.Begin => BeginStackOperationAsync,
        StackOperationNames.Claim => ClaimStackServiceAsync,
        StackOperationNames.Complete => CompleteStackOperationAsync,
        StackOperationNames.Outcome => StackServiceOutcomeAsync,
        EngineUpgradeNames.Begin => BeginEngineUpgradeAsync,
        EngineUpgradeNames.Complete => CompleteEngineUpgradeAsync,
        _ => throw new Xunit.Sdk.XunitException($"Activity {activity} has no redelivery case: add one to {nameof(RedeliveredActivityTests)}."),
    };

    private NodeClusterOperationFunctions ClusterActivities => ActivatorUtilities.CreateInstance<NodeClusterOperationFunctions>(_app.Services);

    private StackOperationFunctions StackActivities => ActivatorUtilities.CreateInstance<StackOperationFunctions>(_app.Services);

    private ServiceOperationFunctions ServiceActivities => ActivatorUtilities.CreateInstance<ServiceOperationFunctions>(_app.Services);

    private async Task BeginClusterOperationAsync()
    {
        var op = await ClusterOperationAsync(ClusterOperationKind.Deploy);

        var plans = await TwiceAsync(() => ClusterActivities.Begin(op));

        Assert.Equal(plans[0].TargetNumNodes, plans[1].TargetNumNodes);
        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.InProgress, action.State);
        Assert.Equal(1, Count(action.Logs, "Deploying node cluster"));
    }

    private async Task CreateNodesAsync()
    {
        var op = await ClusterOperationAsync(ClusterOperationKind.Deploy);
        var batch = new NodeBatchInput(op, [Uuid4.From(Guid.NewGuid()), Uuid4.From(Guid.NewGuid())]);

        var outcomes = await TwiceAsync(() => ClusterActivities.CreateNodes(batch));

        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Equal(batch.Nodes.Order(), _provider.CreationRequests.Where(batch.Nodes.Contains).Order());
        Assert.Equal(batch.Nodes.Order(), (await NodesOfAsync(op)).Select(n => n.Uuid).Order());
        Assert.Equal(2, Count((await ActionAsync(op.ActionUuid)).Logs, "waiting for its agent to register"));
    }

    private async Task DescribeNodesAsync()
    {
        var (op, node) = await ClusterWithNodeAsync();
        _provider.BrokenMachines[node] = "the disk image is corrupt";
        var batch = new NodeBatchInput(op, [node]);

        var outcomes = await TwiceAsync(() => ClusterActivities.DescribeNodes(batch));

        Assert.Equal([new NodeProvisioningOutcome(node, ProvisioningOutcome.Failed)], outcomes[1]);
        Assert.Equal(NodeState.Terminated, (await NodeAsync(node)).State);
        Assert.Equal(1, Count((await ActionAsync(op.ActionUuid)).Logs, "the disk image is corrupt"));
    }

    private async Task RecordRegistrationsAsync()
    {
        var (op, node) = await ClusterWithNodeAsync();
        var results = new RegistrationResults(op, [], [node], "The node's agent did not register within 1 s.");

        await TwiceAsync(async () => { await ClusterActivities.RecordRegistrations(results); return true; });

        Assert.Equal(NodeState.Unreachable, (await NodeAsync(node)).State);
        Assert.Equal(1, Count((await ActionAsync(op.ActionUuid)).Logs, "did not register within 1 s"));
    }

    private async Task TerminateNodesAsync()
    {
        var (op, node) = await ClusterWithNodeAsync();

        await TwiceAsync(() => ClusterActivities.TerminateNodes(new NodeBatchInput(op, [node])));

        Assert.Single(_provider.Terminated, node);
        Assert.Equal(NodeState.Terminated, (await NodeAsync(node)).State);
        Assert.Equal(1, Count((await ActionAsync(op.ActionUuid)).Logs, $"Node {node} terminated."));
    }

    private async Task CompleteClusterOperationAsync()
    {
        var op = await ClusterOperationAsync(ClusterOperationKind.Deploy);

        var states = await TwiceAsync(() => ClusterActivities.Complete(new CompletionInput(op, null)));

        Assert.Equal(states[0], states[1]);
        var action = await ActionAsync(op.ActionUuid);
        Assert.True(action.IsFinished);
        Assert.Equal(1, Count(action.Logs, "nodes deployed"));
        Assert.Null((await Store<INodeClusterStore>().GetAsync(AdminNamespace, op.ClusterUuid))!.ActiveAction);
    }

    private async Task BeginServiceOperationAsync()
    {
        var op = await ServiceOperationAsync(ServiceOperationKind.Start, ServiceState.Starting);

        await TwiceAsync(() => ServiceActivities.Begin(op));

        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.InProgress, action.State);
        Assert.Equal(1, Count(action.Logs, "Starting service"));
    }

    private async Task ApplyServiceStepAsync()
    {
        await DeployedNodeAsync();
        var op = await ServiceOperationAsync(ServiceOperationKind.Start, ServiceState.Starting, containers: 2);

        var steps = await TwiceAsync(() => ServiceActivities.Apply(new ServiceStepInput(op, [])));

        var containers = await Store<IContainerStore>().ListByServiceAsync(AdminNamespace, op.ServiceUuid);
        Assert.Equal(2, containers.Count);
        Assert.Equal(containers.Select(c => c.Uuid).Order(), steps[1].Awaited.Select(a => a.Uuid).Order());
        Assert.Equal(steps[0].Awaited.Select(a => a.Uuid).Order(), steps[1].Awaited.Select(a => a.Uuid).Order());
    }

    private async Task ObserveServiceContainersAsync()
    {
        var node = await DeployedNodeAsync();
        var op = await ServiceOperationAsync(ServiceOperationKind.Start, ServiceState.Starting);
        var service = await _app.GetJsonAsync(ResourceUris.Service(op.ServiceUuid));
        var exited = await new ServiceArrangements(_app).AddContainerAsync(service, 1, ContainerState.Stopped, node);
        var input = new ObserveInput(op, [new AwaitedContainer(exited.Uuid, ContainerGoal.Running, 0)], 60, Final: false);

        var seen = await TwiceAsync(() => ServiceActivities.Observe(input));

        Assert.Equal(seen[0].Failures, seen[1].Failures);
        Assert.Equal(1, Count((await ActionAsync(op.ActionUuid)).Logs, "it exited with code"));
    }

    private async Task CompleteServiceOperationAsync()
    {
        var op = await ServiceOperationAsync(ServiceOperationKind.Start, ServiceState.Starting);

        await TwiceAsync(() => ServiceActivities.Complete(new ServiceCompletionInput(op, [], null)));

        var action = await ActionAsync(op.ActionUuid);
        Assert.True(action.IsFinished);
        Assert.Equal(1, Count(action.Logs, "containers running"));
        Assert.Null((await Store<IServiceStore>().GetAsync(AdminNamespace, op.ServiceUuid))!.ActiveAction);
    }

    private async Task TryStartSystemOperationAsync()
    {
        var node = await DeployedNodeAsync();
        var service = await NewServiceAsync(ServiceState.Running, containers: 1);
        var request = SystemOperationRequest.For(AdminNamespace, service, ServiceOperationKind.Reschedule, node, $"node {node} lost", DateTimeOffset.UtcNow);
        var operations = _app.Services.GetRequiredService<SystemOperations>();

        var started = await TwiceAsync(() => operations.TryStartAsync(request, _app.Host.DurableClient, CancellationToken.None));

        Assert.Equal([true, true], started);
        var actions = await _app.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(ResourceUris.Service(service))}");
        Assert.Equal([request.ActionUuid.ToString()], actions["objects"]!.AsArray().Select(a => (string)a!["uuid"]!));
    }

    private OwnNodeTerminationFunctions OwnNodeActivities => ActivatorUtilities.CreateInstance<OwnNodeTerminationFunctions>(_app.Services);

    private OperationTakeoverFunctions TakeoverActivities => ActivatorUtilities.CreateInstance<OperationTakeoverFunctions>(_app.Services);

    /// <summary>The activities that need the durable client, which their functions take from the host (the cases give them the test host's).</summary>
    private OwnNodeTerminationActivities OwnNodeTermination => Store<OwnNodeTerminationActivities>();

    private async Task BeginOwnNodeTerminationAsync()
    {
        var op = await OwnNodeTerminationAsync();

        var plans = await TwiceAsync(() => OwnNodeActivities.Begin(op));

        Assert.Equal(plans[0], plans[1]);
        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.InProgress, action.State);
        Assert.Equal(1, Count(action.Logs, $"Terminating node {op.NodeUuid}"));
    }

    private async Task MoveOwnNodeContainersAsync()
    {
        var op = await OwnNodeTerminationAsync();
        var service = await NewServiceAsync(ServiceState.Running, containers: 1);
        await new ServiceArrangements(_app).AddContainerAsync(await _app.GetJsonAsync(ResourceUris.Service(service)), 1, ContainerState.Running, op.NodeUuid);

        var moves = await TwiceAsync(() => OwnNodeTermination.MoveContainersAsync(op, _app.Host.DurableClient));

        Assert.Equal(moves[0], moves[1]);
        var actions = await _app.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(ResourceUris.Service(service))}");
        Assert.Equal([(moves[0].Single().ToString(), "Service Reschedule")], actions["objects"]!.AsArray().Select(a => ((string)a!["uuid"]!, (string)a["action"]!)));
        Assert.Equal(1, Count((await ActionAsync(op.ActionUuid)).Logs, "move to other nodes"));
    }

    private async Task HaveOwnNodeContainersMovedAsync()
    {
        var op = await OwnNodeTerminationAsync();
        var ended = await NewActionAsync(ResourceUris.Service(Guid.NewGuid()));
        await Store<IActionStore>().UpdateAsync(AdminNamespace, ended, a => a.Finish(DateTimeOffset.UtcNow, succeeded: true, "Moved."));
        var inFlight = await NewActionAsync(ResourceUris.Service(Guid.NewGuid()));

        var moved = await TwiceAsync(() => OwnNodeTermination.HaveContainersMovedAsync(new OwnNodeDrainQuery(op, [ended]), _app.Host.DurableClient));
        var moving = await TwiceAsync(() => OwnNodeTermination.HaveContainersMovedAsync(new OwnNodeDrainQuery(op, [ended, inFlight]), _app.Host.DurableClient));

        Assert.Equal([true, true], moved);
        Assert.Equal([false, false], moving);
    }

    private async Task CompleteOwnNodeTerminationAsync()
    {
        var op = await OwnNodeTerminationAsync();

        var states = await TwiceAsync(() => OwnNodeActivities.Complete(new OwnNodeTerminationCompletion(op, null)));

        Assert.Equal(["Terminated", "Terminated"], states);
        var node = await NodeAsync(op.NodeUuid);
        Assert.Equal((NodeState.Terminated, (Guid?)null), (node.State, node.ActiveAction));
        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.Success, action.State);
        Assert.Equal(1, Count(action.Logs, "is Terminated"));
    }

    private async Task BeginEngineUpgradeAsync()
    {
        var op = await EngineUpgradeAsync();

        var plans = await TwiceAsync(() => Store<EngineUpgradeActivities>().BeginAsync(op));

        Assert.Equal(plans[0], plans[1]);
        Assert.Equal(op.ActionUuid, (await Store<ILivenessStore>().GetAsync(AdminNamespace, op.NodeUuid))!.EngineUpgrade);
        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.InProgress, action.State);
        Assert.Equal(1, Count(action.Logs, $"Upgrading the Docker engine of node {op.NodeUuid}"));
    }

    private async Task CompleteEngineUpgradeAsync()
    {
        var op = await EngineUpgradeAsync();
        var plan = await Store<EngineUpgradeActivities>().BeginAsync(op);
        var report = new EngineUpgradeReport(op.ActionUuid, Succeeded: true, "docker.io is upgraded\n", "27.0.1");

        var states = await TwiceAsync(() => Store<EngineUpgradeActivities>().CompleteAsync(new EngineUpgradeCompletion(op, plan, report, Failure: null)));

        Assert.Equal(["Deployed", "Deployed"], states);
        var node = await NodeAsync(op.NodeUuid);
        Assert.Equal((NodeState.Deployed, (Guid?)null, "27.0.1"), (node.State, node.ActiveAction, node.DockerVersion));
        Assert.NotEqual(op.ActionUuid, (await Store<ILivenessStore>().GetAsync(AdminNamespace, op.NodeUuid))!.EngineUpgrade);
        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.Success, action.State);
        Assert.Equal(1, Count(action.Logs, "docker.io is upgraded"));
        Assert.Equal(1, Count(action.Logs, "answers again"));
    }

    private async Task CancelTakenOverOperationAsync()
    {
        var query = await TakenOverAsync();

        var ended = await TwiceAsync(() => Store<OperationTakeover>().CancelAsync(query, _app.Host.DurableClient));

        Assert.Equal([true, true], ended); // its orchestration is gone: it ends Canceled at once
        var predecessor = await ActionAsync(query.Predecessor);
        Assert.Equal(ActionState.Canceled, predecessor.State);
        Assert.Equal(1, Count(predecessor.Logs, "being terminated by"));
        Assert.Equal(1, Count((await ActionAsync(query.Successor)).Logs, "was in flight: it is canceled"));
    }

    private async Task HasTakenOverOperationEndedAsync()
    {
        var query = await TakenOverAsync();

        var ended = await TwiceAsync(() => TakeoverActivities.HasEnded(query));

        Assert.Equal([false, false], ended);
        Assert.Equal(ActionState.InProgress, (await ActionAsync(query.Predecessor)).State);
    }

    private async Task StopStuckTakenOverOperationAsync()
    {
        var query = await TakenOverAsync();

        await TwiceAsync(async () => { await Store<OperationTakeover>().StopStuckAsync(query, _app.Host.DurableClient); return true; });

        var predecessor = await ActionAsync(query.Predecessor);
        Assert.Equal(ActionState.Failed, predecessor.State);
        Assert.Equal(1, Count(predecessor.Logs, "did not stop within"));
        Assert.Equal(1, Count((await ActionAsync(query.Successor)).Logs, "did not stop within"));
    }

    /// <summary>A host of one's own held by its terminate, as the starter leaves it.</summary>
    private async Task<OwnNodeTerminationInput> OwnNodeTerminationAsync()
    {
        var (node, action) = await NodeHeldAsync(NodeState.Terminating);
        return new OwnNodeTerminationInput(AdminNamespace, node, action);
    }

    /// <summary>A deployed node moved to <paramref name="state"/> and held by a new action, as an operation's starter leaves it.</summary>
    private async Task<(Guid Node, Guid Action)> NodeHeldAsync(NodeState state)
    {
        var node = await DeployedNodeAsync();
        var action = await NewActionAsync(ResourceUris.Node(node));
        await Store<INodeStore>().UpdateAsync(AdminNamespace, node, n =>
        {
            n.MoveTo(state);
            n.ActiveAction = action;
            return true;
        });
        return (node, action);
    }

    private async Task<EngineUpgradeInput> EngineUpgradeAsync()
    {
        var (node, action) = await NodeHeldAsync(NodeState.Upgrading);
        return new EngineUpgradeInput(AdminNamespace, node, action);
    }

    /// <summary>A cancelable operation in flight (with no orchestration) and the terminate that took its object over.</summary>
    private async Task<PredecessorQuery> TakenOverAsync()
    {
        var predecessor = await CancelableActionAsync(ResourceUris.Service(Guid.NewGuid()));
        return new PredecessorQuery(AdminNamespace, predecessor, await NewActionAsync(ResourceUris.Service(Guid.NewGuid())));
    }

    /// <summary>A user's action in flight that a terminate may take its object over from.</summary>
    private async Task<Guid> CancelableActionAsync(string objectUri, string name = "Redelivery")
    {
        var action = await NewActionAsync(objectUri, name);
        await Store<IActionStore>().UpdateAsync(AdminNamespace, action, a =>
        {
            a.MoveTo(ActionState.InProgress);
            a.CanBeCanceled = true;
        });
        return action;
    }

    private async Task BeginStackOperationAsync()
    {
        var op = await StackOperationAsync(StackOperationKind.Start);

        var plans = await TwiceAsync(() => StackActivities.Begin(op));

        Assert.Equal(plans[0].Levels.SelectMany(l => l), plans[1].Levels.SelectMany(l => l));
        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.InProgress, action.State);
        Assert.Equal(1, Count(action.Logs, "Stack Start: db, then web."));
    }

    private async Task ClaimStackServiceAsync()
    {
        await ClaimStackServiceForStartAsync();
        await ClaimStackServiceTakingOverAsync();
    }

    private async Task ClaimStackServiceForStartAsync()
    {
        var op = await StackOperationAsync(StackOperationKind.Start);
        var step = (await StackActivities.Begin(op)).Levels[0][0];
        var claim = new StackServiceClaim(op, step, Uuid4.NewestFirst(DateTimeOffset.UtcNow));

        var results = await TwiceAsync(() => StackActivities.Claim(claim, _app.Host.DurableClient));

        var run = new ServiceOperationInput(AdminNamespace, step.ServiceUuid, claim.ServiceAction, step.Kind);
        Assert.Equal([new ClaimResult(false, null, claim.ServiceAction, run), new ClaimResult(false, null, claim.ServiceAction, run)], results);
        var service = (await Store<IServiceStore>().GetAsync(AdminNamespace, step.ServiceUuid))!;
        Assert.Equal((claim.ServiceAction, ServiceState.Starting), (service.ActiveAction, service.State));
        var actions = await _app.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(ResourceUris.Service(step.ServiceUuid))}");
        Assert.Equal([claim.ServiceAction.ToString()], actions["objects"]!.AsArray().Select(a => (string)a!["uuid"]!));
        Assert.Null(await _app.Host.DurableClient.GetInstanceAsync(claim.ServiceAction.ToString("D"))); // the stack's orchestration runs it
    }

    /// <summary>A stack's terminate claims a service that a user's start holds: it takes the service over once, however often it runs.</summary>
    private async Task ClaimStackServiceTakingOverAsync()
    {
        var op = await StackOperationAsync(StackOperationKind.Terminate);
        var step = (await StackActivities.Begin(op)).Levels[0][0];
        var userStart = await CancelableActionAsync(ResourceUris.Service(step.ServiceUuid), ServiceOperationNames.ActionName(ServiceOperationKind.Start));
        await Store<IServiceStore>().UpdateAsync(AdminNamespace, step.ServiceUuid, s =>
        {
            s.MoveTo(ServiceState.Starting);
            s.ActiveAction = userStart;
            return true;
        });
        var claim = new StackServiceClaim(op, step, Uuid4.NewestFirst(DateTimeOffset.UtcNow));

        var results = await TwiceAsync(() => StackActivities.Claim(claim, _app.Host.DurableClient));

        var run = new ServiceOperationInput(AdminNamespace, step.ServiceUuid, claim.ServiceAction, ServiceOperationKind.Terminate, Predecessor: userStart);
        Assert.Equal([new ClaimResult(false, null, claim.ServiceAction, run), new ClaimResult(false, null, claim.ServiceAction, run)], results);
        var service = (await Store<IServiceStore>().GetAsync(AdminNamespace, step.ServiceUuid))!;
        Assert.Equal((claim.ServiceAction, ServiceState.Terminating), (service.ActiveAction, service.State));
        Assert.Equal(userStart, (await ActionAsync(claim.ServiceAction)).Predecessor);
        Assert.Equal(ActionState.InProgress, (await ActionAsync(userStart)).State); // the terminate's orchestration cancels it, not the claim
        var actions = await _app.GetJsonAsync($"/api/audit/v1/action/?object={Uri.EscapeDataString(ResourceUris.Service(step.ServiceUuid))}");
        Assert.Equal(new[] { claim.ServiceAction, userStart }.Select(a => a.ToString()).Order(), actions["objects"]!.AsArray().Select(a => (string)a!["uuid"]!).Order());
    }

    private async Task StackServiceOutcomeAsync()
    {
        var op = await StackOperationAsync(StackOperationKind.Start);
        var step = (await StackActivities.Begin(op)).Levels[0][0];
        var ended = await NewActionAsync(ResourceUris.Service(step.ServiceUuid));
        await new Application.Actions.ActionJournal(Store<IActionStore>(), TimeProvider.System).FinishAsync(AdminNamespace, ended, succeeded: true, "done");

        var outcomes = await TwiceAsync(() => StackActivities.Outcome(new StackServiceClaim(op, step, ended)));

        Assert.All(outcomes, outcome => Assert.Equal("Not running", outcome));
    }

    private async Task CompleteStackOperationAsync()
    {
        var op = await StackOperationAsync(StackOperationKind.Start);

        var states = await TwiceAsync(() => StackActivities.Complete(new StackCompletionInput(op, ["Service web is Not running."])));

        Assert.Equal(states[0], states[1]);
        var action = await ActionAsync(op.ActionUuid);
        Assert.Equal(ActionState.Failed, action.State);
        Assert.Equal(1, Count(action.Logs, "Service web is Not running."));
        Assert.Null((await Store<IStackStore>().GetAsync(AdminNamespace, op.StackUuid))!.ActiveAction);
    }

    /// <summary>A stack of web linked to db, held by a new action of the kind.</summary>
    private async Task<StackOperationInput> StackOperationAsync(StackOperationKind kind)
    {
        var created = await _app.Client.PostAsJsonAsync("/api/app/v1/stack/", new
        {
            name = $"s{Guid.NewGuid():N}"[..12],
            services = new object[]
            {
                new { name = "web", image_name = ServiceArrangements.Image, linked_to_service = new[] { new { to_service = "db" } } },
                new { name = "db", image_name = ServiceArrangements.Image },
            },
        });
        await ExpectAsync(created, HttpStatusCode.Created);
        var stack = Guid.Parse((string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["uuid"]!);
        var action = await NewActionAsync(ResourceUris.Stack(stack));
        await Store<IStackStore>().UpdateAsync(AdminNamespace, stack, s =>
        {
            s.MoveTo(ServiceState.Starting);
            s.ActiveAction = action;
            return true;
        });
        return new StackOperationInput(AdminNamespace, stack, action, kind, AdminUser, null, Domain.Accounts.Role.Admin);
    }

    /// <summary>Runs the activity, then runs it again with the same input, as a redelivery does.</summary>
    private static async Task<T[]> TwiceAsync<T>(Func<Task<T>> activity) => [await activity(), await activity()];

    private async Task<ClusterOperationInput> ClusterOperationAsync(ClusterOperationKind kind)
    {
        var cluster = Guid.Parse((string)(await _app.CreateClusterAsync($"c{Guid.NewGuid():N}"[..12], 2))["uuid"]!);
        var action = await NewActionAsync(ResourceUris.NodeCluster(cluster));
        await Store<INodeClusterStore>().UpdateAsync(AdminNamespace, cluster, c =>
        {
            c.Restore(NodeClusterState.Deploying);
            c.ActiveAction = action;
            return true;
        });
        return new ClusterOperationInput(AdminNamespace, cluster, action, kind);
    }

    private async Task<(ClusterOperationInput Op, Guid Node)> ClusterWithNodeAsync()
    {
        var op = await ClusterOperationAsync(ClusterOperationKind.Deploy);
        var node = Uuid4.From(Guid.NewGuid());
        await ClusterActivities.CreateNodes(new NodeBatchInput(op, [node]));
        return (op, node);
    }

    private async Task<ServiceOperationInput> ServiceOperationAsync(ServiceOperationKind kind, ServiceState state, int containers = 1)
    {
        var service = await NewServiceAsync(state, containers);
        var action = await NewActionAsync(ResourceUris.Service(service));
        await Store<IServiceStore>().UpdateAsync(AdminNamespace, service, s =>
        {
            s.ActiveAction = action;
            return true;
        });
        return new ServiceOperationInput(AdminNamespace, service, action, kind);
    }

    private async Task<Guid> NewServiceAsync(ServiceState state, int containers)
    {
        var arrangements = new ServiceArrangements(_app);
        var service = await arrangements.CreateAsync(new { image_name = ServiceArrangements.Image, name = $"s{Guid.NewGuid():N}"[..12], target_num_containers = containers });
        await arrangements.SetStateAsync(service, state);
        return ServiceArrangements.Uuid(service);
    }

    /// <summary>A host of one's own, registered: a Deployed node whose liveness is watched.</summary>
    private async Task<Guid> DeployedNodeAsync()
    {
        var token = await _app.Client.PostAsJsonAsync("/api/infra/v1/token/", new { });
        await ExpectAsync(token, HttpStatusCode.Created);
        using var agent = _app.NewClient();
        var registered = await agent.PostAsJsonAsync(AgentRoutes.Register, new AgentRegistrationRequest(
            (string)(await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!, "host", new NodeInventory(4, 8192, 100, null)));
        await ExpectAsync(registered, HttpStatusCode.Created);
        return (await registered.Content.ReadFromJsonAsync<AgentRegistrationResponse>())!.Uuid;
    }

    private async Task<Guid> NewActionAsync(string objectUri, string name = "Redelivery")
    {
        var uuid = Uuid4.NewestFirst(DateTimeOffset.UtcNow);
        await Store<IActionStore>().CreateAsync(OperationActions.New(new Caller(AdminUser, AdminNamespace, IsInstallationAdmin: true, Domain.Accounts.Role.Admin),
            new RequestInfo("POST", "/redelivery/", ""), uuid, objectUri, name, DateTimeOffset.UtcNow, canBeCanceled: false));
        return uuid;
    }

    private async Task<ActionRecord> ActionAsync(Guid uuid) => (await Store<IActionStore>().GetAsync(AdminNamespace, uuid))!;

    private async Task<Node> NodeAsync(Guid uuid) => (await Store<INodeStore>().GetAsync(AdminNamespace, uuid))!;

    private async Task<IReadOnlyList<Node>> NodesOfAsync(ClusterOperationInput op) =>
        await Store<INodeStore>().ListByClusterAsync(AdminNamespace, op.ClusterUuid);

    private T Store<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private static int Count(string logs, string text) => logs.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
}
