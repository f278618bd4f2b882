using System.Globalization;
using FunctionsCloud.Domain.Agents;
using static FunctionsCloud.Domain.Agents.NodeContainerLabels;

namespace FunctionsCloud.Agent.Containers;

/// <summary>
/// The labels that mark a container as one the agent manages for a node. The agent touches only containers that carry
/// its node's label: several local nodes share one engine, and a host may run containers of its own.
/// </summary>
public static class ContainerLabels
{
    public static Dictionary<string, string> For(Guid nodeUuid, DesiredContainer desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Node] = Text(nodeUuid),
            [Container] = Text(desired.Uuid),
            [Service] = Text(desired.ServiceUuid),
            [Revision] = desired.Revision.ToString(CultureInfo.InvariantCulture),
            [Name] = desired.Name,
        };
    }

    /// <summary>The engine-side filter that lists the node's containers only.</summary>
    public static Dictionary<string, IDictionary<string, bool>> NodeFilter(Guid nodeUuid) =>
        new(StringComparer.Ordinal) { ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [$"{Node}={Text(nodeUuid)}"] = true } };

    public static Guid? ContainerUuid(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(Container, out var text) && Guid.TryParse(text, out var uuid) ? uuid : null;

    /// <summary>The revision the container was created at; 0 when the label is missing or unreadable (older than any).</summary>
    public static int RevisionOf(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(Revision, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static string Text(Guid uuid) => uuid.ToString("D", CultureInfo.InvariantCulture);
}
