using System.Net.Http.Json;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.LoadTests.Deploy;

/// <summary>
/// A cloud whose every API call takes <paramref name="callTime"/> and creates at most
/// <paramref name="maxPerCall"/> machines; each machine's agent registers (over HTTP, with its token) as soon
/// as the create call has returned.
/// </summary>
public sealed class SlowCloudProvider(TimeSpan callTime, int maxPerCall) : INodeProvider
{
    private int _calls;

    public string Name => "local";

    public bool NeedsAccount => false;

    public int Calls => _calls;

    public Task ValidateAccountAsync(ProviderAccount account, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<NodeCreationResult>> CreateNodesAsync(NodeCreationRequest request, CancellationToken cancellationToken)
    {
        if (request.Nodes.Count > maxPerCall)
            throw new ProviderException($"At most {maxPerCall} machines per call, asked for {request.Nodes.Count}.");
        await CallAsync(cancellationToken);
        foreach (var node in request.Nodes)
            _ = RegisterAsync(node.Bootstrap);
        return request.Nodes.Select(n => NodeCreationResult.Created(n.NodeUuid, $"vm-{n.NodeUuid:N}")).ToList();
    }

    public async Task<IReadOnlyList<NodeStatus>> DescribeNodesAsync(NodeDescriptionRequest request, CancellationToken cancellationToken)
    {
        await CallAsync(cancellationToken);
        return request.Nodes.Select(n => new NodeStatus(n.NodeUuid, NodeProvisioning.Running, n.ProviderId)).ToList();
    }

    public async Task<IReadOnlyList<NodeTerminationResult>> TerminateNodesAsync(NodeTerminationRequest request, CancellationToken cancellationToken)
    {
        await CallAsync(cancellationToken);
        return request.Nodes.Select(n => new NodeTerminationResult(n.NodeUuid, true)).ToList();
    }

    private Task CallAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.Delay(callTime, cancellationToken);
    }

    private static async Task RegisterAsync(AgentBootstrap bootstrap)
    {
        using var client = new HttpClient { BaseAddress = new Uri(bootstrap.ApiUrl) };
        using var response = await client.PostAsJsonAsync(AgentRoutes.Register,
            new AgentRegistrationRequest(bootstrap.RegistrationToken, "slow-cloud-node", new NodeInventory(2, 2048, 20, null)));
        response.EnsureSuccessStatusCode();
    }
}
