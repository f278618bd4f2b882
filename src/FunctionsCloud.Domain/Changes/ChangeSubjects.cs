using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Domain.Changes;

/// <summary>Each kind of object the event stream tells about, described the same way (a new kind adds one method here).</summary>
public static class ChangeSubjects
{
    public static ChangeSubject Of(NodeCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new("nodecluster", cluster.Uuid, Uris.NodeCluster(cluster.Uuid), ApiNames.Of(cluster.State), [],
            cluster.State == NodeClusterState.Terminated);
    }

    public static ChangeSubject Of(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new("node", node.Uuid, Uris.Node(node.Uuid), ApiNames.Of(node.State),
            node.NodeCluster is { } cluster ? [Uris.NodeCluster(cluster)] : [], node.State == NodeState.Terminated);
    }

    public static ChangeSubject Of(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new("service", service.Uuid, Uris.Service(service.Uuid), ApiNames.Of(service.State),
            service.StackUuid is { } stack ? [Uris.Stack(stack)] : [], service.State == ServiceState.Terminated);
    }

    public static ChangeSubject Of(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return new("stack", stack.Uuid, Uris.Stack(stack.Uuid), ApiNames.Of(stack.State), [], stack.State == ServiceState.Terminated);
    }

    public static ChangeSubject Of(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return new("container", container.Uuid, Uris.Container(container.Uuid), ApiNames.Of(container.State),
            [Uris.Service(container.ServiceUuid), Uris.Node(container.NodeUuid)], container.State == ContainerState.Terminated);
    }

    public static ChangeSubject Of(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new("action", action.Uuid, Uris.Action(action.Uuid), ApiNames.Of(action.State), [action.Object], Ended: false);
    }
}
