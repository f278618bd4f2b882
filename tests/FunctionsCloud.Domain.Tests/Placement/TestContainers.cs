using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Placement;

/// <summary>Containers of one service "web", as placement and scale-down see them: a number, a node, a state, ports.</summary>
internal static class TestContainers
{
    private static readonly Guid Web = Guid.Parse("00000000-0000-4000-8000-0000000000fe");

    public static Container Numbered(int number, Guid node, ContainerState state = ContainerState.Running, IReadOnlyList<ContainerPort>? ports = null)
    {
        var container = new Container
        {
            Uuid = Guid.NewGuid(),
            Namespace = "alice",
            ServiceUuid = Web,
            ServiceName = "web",
            Number = number,
            NodeUuid = node,
            Spec = new("functionscloud/busybox", null, null, null, [], ports ?? [], [], null, null, Autorestart.Off, Autodestroy.Off),
        };
        container.Restore(state);
        return container;
    }
}
