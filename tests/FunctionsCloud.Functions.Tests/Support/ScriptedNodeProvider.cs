using System.Collections.Concurrent;
using System.Net.Http.Json;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Functions.Tests.Support;

/// <summary>What the scripted provider does with the n-th node it is asked to create (counting from 0).</summary>
public enum NodeScript
{
    /// <summary>The machine comes up and its agent registers with its one-time token, over HTTP.</summary>
    Registers,
    /// <summary>The provider refuses to create it.</summary>
    FailsCreation,
    /// <summary>The machine comes up but its agent never calls.</summary>
    NeverRegisters,
}

/// <summary>
/// A provider (named "local") whose machines behave as scripted; registering ones act as agents do, by
/// calling the real registration endpoint with the token the control plane handed out.
/// </summary>
public sealed class ScriptedNodeProvider(Func<int, NodeScript> script, string name = "local", string? requiredToken = null) : INodeProvider
{
    private int _created;

    public string Name => name;

    /// <summary>With a required token it acts as a cloud: an account with that "token" must be linked.</summary>
    public bool NeedsAccount => requiredToken is not null;

    /// <summary>The accounts the provider was called with, in order.</summary>
    public ConcurrentQueue<ProviderAccount?> Accounts { get; } = new();

    public Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken) =>
        account.Require("token") == requiredToken ? Task.CompletedTask : throw new ProviderException("Unable to authenticate you (401).");

    public Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NodeStatus>>(request.Nodes.Select(n => BrokenMachines.TryGetValue(n.NodeUuid, out var error)
            ? new NodeStatus(n.NodeUuid, NodeProvisioning.Failed, n.ProviderId, Error: error)
            : new NodeStatus(n.NodeUuid, Terminated.Contains(n.NodeUuid) ? NodeProvisioning.Gone : NodeProvisioning.Running, n.ProviderId)).ToList());

    public ConcurrentDictionary<Guid, NodeScript> Created { get; } = new();

    /// <summary>Every node the provider was asked to make, once per time it was asked.</summary>
    public ConcurrentQueue<Guid> CreationRequests { get; } = new();

    /// <summary>Machines that broke while booting, with the provider's reason: described as Failed.</summary>
    public ConcurrentDictionary<Guid, string> BrokenMachines { get; } = new();
    public ConcurrentBag<Guid> Terminated { get; } = [];
    public ConcurrentBag<string> Errors { get; } = [];

    public async Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken)
    {
        Accounts.Enqueue(request.Account);
        var results = new List<NodeCreationResult>();
        foreach (var node in request.Nodes)
        {
            CreationRequests.Enqueue(node.NodeUuid);
            var behaviour = Created.GetOrAdd(node.NodeUuid, _ => script(Interlocked.Increment(ref _created) - 1));
            results.Add(behaviour == NodeScript.FailsCreation
                ? NodeCreationResult.Failed(node.NodeUuid, "InsufficientCapacity: no capacity left for this size")
                : NodeCreationResult.Created(node.NodeUuid, $"vm-{node.NodeUuid:N}"[..12], "local-a"));
            if (behaviour == NodeScript.Registers)
                _ = RegisterLaterAsync(node.Bootstrap);
        }

        await Task.Yield();
        return results;
    }

    public Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        foreach (var node in request.Nodes)
            Terminated.Add(node.NodeUuid);
        return Task.FromResult<IReadOnlyList<NodeTerminationResult>>(request.Nodes.Select(n => new NodeTerminationResult(n.NodeUuid, true)).ToList());
    }

    /// <summary>Registers after the activity has returned, as a booting machine would.</summary>
    private async Task RegisterLaterAsync(AgentBootstrap bootstrap)
    {
        await Task.Yield();
        using var client = new HttpClient { BaseAddress = new Uri(bootstrap.ApiUrl) };
        var response = await client.PostAsJsonAsync(AgentRoutes.Register,
            new AgentRegistrationRequest(bootstrap.RegistrationToken, "scripted-node", new NodeInventory(2, 4096, 60, null)));
        if (!response.IsSuccessStatusCode)
            Errors.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
