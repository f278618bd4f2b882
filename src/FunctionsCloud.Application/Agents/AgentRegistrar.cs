using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.Tokens;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// Turns an agent holding a valid one-time token into a Deployed node, hands it the node secret, and
/// tells the waiting deployment. Every refusal says why (expired, used, revoked) and changes nothing.
/// </summary>
public sealed class AgentRegistrar(
    INodeStore nodes,
    NodeCredentials credentials,
    RegistrationTokenService byonTokens,
    LivenessRegistry liveness,
    InventoryRules inventoryRules,
    EveryNodeFiller everyNode,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock,
    ILogger<AgentRegistrar> logger)
{
    public async Task<AgentRegistrationResponse> RegisterAsync(AgentRegistrationRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        inventoryRules.Validate(request.Inventory, request.Hostname);
        var now = clock.GetUtcNow();
        var claim = await ClaimAsync(request, now, cancellationToken);

        var node = await nodes.UpdateAsync(claim.Namespace, claim.NodeUuid, n =>
        {
            if (n.State is NodeState.Terminating or NodeState.Terminated || n.CredentialVersion != claim.CredentialVersion)
                throw new AuthenticationFailedException("The registration token was revoked.");
            if (n.Registered)
                throw new AuthenticationFailedException("The registration token was already used.");
            n.Registered = true;
            n.MoveTo(NodeState.Deployed);
            n.LastSeen = now;
            n.DeployedDatetime = now;
            n.LastError = null;
            n.ExternalFqdn = request.Hostname;
            if (request.Inventory is { } inventory)
                (n.Cpu, n.Memory, n.Disk, n.DockerVersion) = (inventory.Cpu, inventory.MemoryMb, inventory.DiskGb, inventory.DockerVersion);
            return true;
        }, cancellationToken) ?? throw new AuthenticationFailedException("The registration token was revoked.");

        logger.LogInformation("Node {Node} of namespace {Namespace} registered.", node.Uuid, node.Namespace);
        var lease = await liveness.StartAsync(node, request.Inventory, now, cancellationToken);
        if (node.RegistrationWaiter is { } waiter)
            await TellWaiterAsync(durable, waiter, node.Uuid, cancellationToken);
        await everyNode.FillAsync(node.Namespace, node.Uuid, node.Tags, durable, cancellationToken);
        return new AgentRegistrationResponse(
            node.Uuid, credentials.IssueNodeSecret(new NodeIdentity(node.Namespace, node.Uuid)), options.Value.HeartbeatIntervalSeconds, lease);
    }

    /// <summary>
    /// Which node the token registers: a cluster node's token is signed and names its node; a token of one's
    /// own hosts (BYON) is spent here and creates the node.
    /// </summary>
    private async Task<RegistrationClaim> ClaimAsync(AgentRegistrationRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (RegistrationTokenService.IsRegistrationToken(request.Token))
        {
            var byon = await byonTokens.ClaimAsync(request.Token, request.Hostname, cancellationToken);
            return new RegistrationClaim(byon.Namespace, byon.Uuid, byon.CredentialVersion, now);
        }

        if (!credentials.TryReadRegistrationToken(request.Token, out var claim))
            throw new AuthenticationFailedException("The registration token is not valid.");
        if (claim.ExpiresAt < now)
            throw new AuthenticationFailedException($"The registration token expired at {ApiJson.Rfc1123DateConverter.Write(claim.ExpiresAt)}.");
        return claim;
    }

    /// <summary>A deployment that has already given up on the node no longer listens; the node is Deployed all the same.</summary>
    private async Task TellWaiterAsync(DurableTaskClient durable, string instanceId, Guid nodeUuid, CancellationToken cancellationToken)
    {
        try
        {
            await durable.RaiseEventAsync(instanceId, ClusterOperationNames.AgentRegistered(nodeUuid), nodeUuid.ToString("D"), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not tell orchestration {Instance} that node {Node} registered.", instanceId, nodeUuid);
        }
    }
}
