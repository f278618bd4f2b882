using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Testing.Nodes;

namespace FunctionsCloud.Functions.Tests.Agents;

/// <summary>A node's container rows as an operation writes them, for tests of what agents are told.</summary>
internal static class ContainerRows
{
    public static Container Of(
        RegisteredAgent node, int number, ContainerDesire desired = ContainerDesire.Running, ContainerState state = ContainerState.Starting,
        string image = "functionscloud/busybox:latest")
    {
        var row = new Container
        {
            Uuid = Guid.NewGuid(),
            Namespace = node.Namespace,
            ServiceUuid = Guid.NewGuid(),
            ServiceName = "web",
            Number = number,
            NodeUuid = node.NodeUuid,
            Desired = desired,
            CreatedDatetime = DateTimeOffset.UtcNow,
            Spec = new ContainerSpec(image, null, null, null, [], [new ContainerPort("tcp", 80, null, true)], [], null, null,
                Autorestart.OnFailure, Autodestroy.Off),
        };
        row.Restore(state);
        return row;
    }
}
