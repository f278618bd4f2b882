using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Nodes;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Agents;

/// <summary>
/// The hottest path: the node secret is checked by its signature and the heartbeat is one table write,
/// with no read before it.
/// </summary>
public sealed class HeartbeatRecorder(INodeStore nodes, NodeCredentials credentials, InventoryRules rules, IOptions<FunctionsCloudOptions> options, TimeProvider clock)
{
    public const int MaxBodyBytes = 4096;

    public NodeIdentity Authenticate(string? authorization)
    {
        const string scheme = "Bearer ";
        var secret = authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : null;
        return credentials.TryReadNodeSecret(secret, out var node) ? node : throw new AuthenticationFailedException("The node secret is missing or not valid.");
    }

    public async Task<HeartbeatResponse> RecordAsync(NodeIdentity node, HeartbeatRequest heartbeat, CancellationToken cancellationToken)
    {
        if (heartbeat.Inventory is null)
            throw new RequestValidationException("inventory", "is required.");
        rules.Validate(heartbeat.Inventory);
        if (!await nodes.RecordHeartbeatAsync(node.Namespace, node.NodeUuid, heartbeat.Inventory, clock.GetUtcNow(), cancellationToken))
            throw new ResourceNotFoundException("node", node.NodeUuid.ToString());
        return new HeartbeatResponse(options.Value.HeartbeatIntervalSeconds);
    }
}
