using System.Collections.Concurrent;
using System.Diagnostics;
using FunctionsCloud.Providers.Contract;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Functions.Tests.Support;

/// <summary>
/// A cloud provider (named as one, with an account of <c>token</c> to link) whose machines are real agent processes on this
/// machine: each starts the agent with its node's one-time token, as cloud-init does on a cloud machine, in a state
/// directory of its own, with <paramref name="agentOptions"/> (an upgrade command that tests substitute). The nodes are
/// then nodes FunctionsCloud provisioned, whose engine it owns, running the real agent against this machine's engine.
/// </summary>
public sealed class AgentMachineProvider(string name, string token, string stateRoot, params string[] agentOptions) : INodeProvider, IDisposable
{
    private readonly ConcurrentDictionary<Guid, Process> _machines = new();

    public string Name => name;

    public bool NeedsAccount => true;

    /// <summary>Set once the app is up: the agents are started against it.</summary>
    public FunctionsCloudTestHost? App { get; set; }

    public Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken) =>
        account.Require("token") == token ? Task.CompletedTask : throw new ProviderException("Unable to authenticate you (401).");

    public Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NodeCreationResult>>(request.Nodes.Select(node =>
        {
            var machine = _machines.GetOrAdd(node.NodeUuid, uuid => LocalAgents.StartOwnHost(App!, node.Bootstrap.RegistrationToken,
                Directory.CreateDirectory(Path.Combine(stateRoot, uuid.ToString("N"))).FullName, options: agentOptions));
            return NodeCreationResult.Created(node.NodeUuid, machine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "local");
        }).ToList());

    public Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NodeStatus>>(request.Nodes.Select(n => new NodeStatus(n.NodeUuid,
            _machines.TryGetValue(n.NodeUuid, out var machine) && !machine.HasExited ? NodeProvisioning.Running : NodeProvisioning.Gone, n.ProviderId)).ToList());

    public Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        foreach (var node in request.Nodes)
            Stop(node.NodeUuid);
        return Task.FromResult<IReadOnlyList<NodeTerminationResult>>(request.Nodes.Select(n => new NodeTerminationResult(n.NodeUuid, true)).ToList());
    }

    public void Dispose()
    {
        foreach (var uuid in _machines.Keys)
            Stop(uuid);
    }

    private void Stop(Guid nodeUuid)
    {
        if (!_machines.TryRemove(nodeUuid, out var machine))
            return;
        if (!machine.HasExited)
            machine.Kill();
        machine.Dispose();
    }
}
