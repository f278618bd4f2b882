using Amazon.EC2.Model;
using FunctionsCloud.Providers.Contract;

namespace FunctionsCloud.Providers.Aws;

/// <summary>How a node stands, read from its EC2 instance.</summary>
internal static class Ec2NodeStatuses
{
    public static NodeStatus Of(Guid nodeUuid, Instance? instance)
    {
        if (instance is null)
        {
            return new NodeStatus(nodeUuid, NodeProvisioning.Gone);
        }

        var id = instance.InstanceId;
        return instance.State?.Name?.Value switch
        {
            "pending" => new NodeStatus(nodeUuid, NodeProvisioning.Pending, id),
            // Nodes in private subnets have no public address; the private one is still worth showing.
            "running" => new NodeStatus(nodeUuid, NodeProvisioning.Running, id, instance.PublicIpAddress ?? instance.PrivateIpAddress),
            "stopping" or "stopped" => new NodeStatus(nodeUuid, NodeProvisioning.Failed, id, Error: $"The EC2 instance is {instance.State.Name.Value}{Reason(instance)}."),
            _ => new NodeStatus(nodeUuid, NodeProvisioning.Gone, id, Error: Reason(instance) is { Length: > 0 } reason ? $"The EC2 instance is gone{reason}." : null),
        };
    }

    /// <summary>
    /// The instance a node's status is read from: the recorded instance id when known, else the instance tagged as the
    /// node's, preferring one that is not terminated.
    /// </summary>
    public static Instance? Pick(ProvisionedNode node, IReadOnlyDictionary<string, Instance> byId, ILookup<Guid, Instance> byNode)
    {
        if (node.ProviderId is { } id)
        {
            return byId.GetValueOrDefault(id);
        }

        return byNode[node.NodeUuid].OrderBy(i => i.State?.Name?.Value is "terminated" or "shutting-down").FirstOrDefault();
    }

    private static string Reason(Instance instance) =>
        instance.StateReason?.Message is { Length: > 0 } message ? $" ({message})" : string.Empty;
}
