using FunctionsCloud.Application.Agents;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Identifiers;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Testing.Nodes;

/// <summary>
/// Nodes made the way a deployment makes them (a row awaiting its agent, a signed one-time token) and registered
/// through the app's own registration, so that tests and load runs hold real secrets and leases.
/// </summary>
public static class SimulatedNodes
{
    public static readonly NodeInventory Inventory = new(2, 4096, 60, "27.1.0");

    /// <param name="provider">The provider the node is of, region and node type named alike ("local"; "byon": a host of one's own).</param>
    public static async Task<RegisteredAgent> RegisterAsync(
        IServiceProvider services, DurableTaskClient durable, string @namespace, CancellationToken cancellationToken = default, string provider = "local")
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var node = new Node
        {
            Uuid = Uuid4.From(Guid.NewGuid()),
            Namespace = @namespace,
            Provider = provider,
            Region = provider,
            NodeType = provider,
            CreatedDatetime = clock.GetUtcNow(),
        };
        await services.GetRequiredService<INodeStore>().CreateAsync(node, cancellationToken);
        var token = services.GetRequiredService<NodeCredentials>().IssueRegistrationToken(
            new RegistrationClaim(@namespace, node.Uuid, node.CredentialVersion, clock.GetUtcNow().AddHours(1)));
        var answer = await services.GetRequiredService<AgentRegistrar>().RegisterAsync(
            new AgentRegistrationRequest(token, "simulated", Inventory), durable, cancellationToken);
        return new RegisteredAgent(@namespace, answer.Uuid, answer.NodeSecret, answer.Lease);
    }

    public static Task<RegisteredAgent> RegisterNodeAsync(
        this FunctionsCloudTestHost app, string @namespace = FunctionsCloudTestHost.AdminNamespace, string provider = "local") =>
        RegisterAsync(app.Services, app.Host.DurableClient, @namespace, provider: provider);
}
