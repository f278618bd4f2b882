using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Healing;
using FunctionsCloud.Application.Liveness;
using FunctionsCloud.Application.Operations;
using FunctionsCloud.Application.Tokens;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// Turns an agent holding a valid one-time token into a Deployed node, hands it the node secret, and
/// tells the waiting deployment. Every refusal says why (expired, used, revoked) and changes nothing. A retry by
/// the same host (same token, same host key) gets the same node again, as its answer may have been lost.
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
        var hostKey = HostKeys.HashOf(request.HostKey);
        var now = clock.GetUtcNow();
        var node = RegistrationTokenService.IsRegistrationToken(request.Token)
            ? await JoinAsync(request, hostKey, now, cancellationToken)
            : await RegisterClusterNodeAsync(request, hostKey, now, cancellationToken);

        // A retried registration does all of this again: each step finds what an earlier try did, or does it.
        logger.LogInformation("Node {Node} of namespace {Namespace} registered.", node.Uuid, node.Namespace);
        var (lease, secretVersion) = await liveness.StartAsync(node, request.Inventory, now, cancellationToken);
        if (node.RegistrationWaiter is { } waiter)
            await TellWaiterAsync(durable, waiter, node.Uuid, cancellationToken);
        await everyNode.FillAsync(node, durable, cancellationToken);
        return new AgentRegistrationResponse(
            node.Uuid, credentials.IssueNodeSecret(new NodeIdentity(node.Namespace, node.Uuid, secretVersion)), options.Value.HeartbeatIntervalSeconds, lease);
    }

    /// <summary>A cluster node's token is signed and names its node, which the operation recorded before the provider made it.</summary>
    private async Task<Node> RegisterClusterNodeAsync(AgentRegistrationRequest request, string? hostKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!credentials.TryReadRegistrationToken(request.Token, out var claim))
            throw new AuthenticationFailedException("The registration token is not valid.");
        // As with a token of one's own hosts, the host that registered the node may retry after the token expired.
        return await nodes.UpdateAsync(claim.Namespace, claim.NodeUuid, n => IsRetry(n, hostKey) || claim.ExpiresAt >= now
                ? Register(n, claim.CredentialVersion, request, hostKey, now)
                : throw Expired(claim.ExpiresAt),
            cancellationToken) ?? throw (claim.ExpiresAt < now ? Expired(claim.ExpiresAt) : Revoked()); // terminated rows are kept: a missing one was never made or was taken back
    }

    private static AuthenticationFailedException Expired(DateTimeOffset at) =>
        new($"The registration token expired at {ApiJson.Rfc1123DateConverter.Write(at)}.");

    private static bool IsRetry(Node n, string? hostKey) => n.Registered && HostKeys.Same(n.HostKeyHash, hostKey);

    /// <summary>
    /// A host of one's own (BYON) spends a use of its token on a node, then stores that node registered, in one
    /// write: no Deploying node waits for anyone. A retry (same token, same host key) finds its use spent on that
    /// node already, and the node made or still to make.
    /// </summary>
    private async Task<Node> JoinAsync(AgentRegistrationRequest request, string? hostKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var node = await byonTokens.ClaimAsync(request.Token, request.Hostname, hostKey, cancellationToken);
        Register(node, node.CredentialVersion, request, hostKey, now);
        try
        {
            await nodes.CreateAsync(node, cancellationToken);
            return node;
        }
        catch (EntityAlreadyExistsException)
        {
            return await nodes.UpdateAsync(node.Namespace, node.Uuid, n => Register(n, n.CredentialVersion, request, hostKey, now), cancellationToken)
                ?? throw Terminated();
        }
    }

    /// <summary>Makes the node Deployed; false when the same host registered it already (a retry whose first answer was lost).</summary>
    private static bool Register(Node n, int credentialVersion, AgentRegistrationRequest request, string? hostKey, DateTimeOffset now)
    {
        if (n.State is NodeState.Terminating or NodeState.Terminated)
            throw Terminated();
        if (n.CredentialVersion != credentialVersion)
            throw Revoked();
        if (n.Registered)
            return HostKeys.Same(n.HostKeyHash, hostKey) ? false : throw new AuthenticationFailedException("The registration token was already used.");
        n.Registered = true;
        n.HostKeyHash = hostKey;
        n.MoveTo(NodeState.Deployed);
        n.LastSeen = now;
        n.DeployedDatetime = now;
        n.LastError = null;
        n.ExternalFqdn = request.Hostname;
        if (request.Inventory is { } inventory)
            (n.Cpu, n.Memory, n.Disk, n.DockerVersion) = (inventory.Cpu, inventory.MemoryMb, inventory.DiskGb, inventory.DockerVersion);
        return true;
    }

    private static AuthenticationFailedException Revoked() => new("The registration token was revoked.");

    /// <summary>
    /// The token's node is gone: a cluster node's, or the one this host's key made with a token of one's own hosts (the
    /// same key always makes the same node with that token), which does not make another.
    /// </summary>
    private static AuthenticationFailedException Terminated() =>
        new("The node of this registration token and host was terminated; register the host with a new token, or a new host key.");

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
