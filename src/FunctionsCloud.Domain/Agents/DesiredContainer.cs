using System.Text.Json.Serialization;
using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Domain.Agents;

/// <summary>
/// One container the node's agent is to run (or keep stopped): created from <see cref="Spec"/> with labels naming
/// it, replaced when the running copy's revision is older than <see cref="Revision"/>; its named volumes are
/// named by its uuid and <see cref="VolumeSet"/>. <see cref="Intent"/> counts
/// the operations asked of it; the agent reports which one it last carried out.
/// </summary>
public sealed record DesiredContainer(
    [property: JsonPropertyName("uuid")] Guid Uuid,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("service")] Guid ServiceUuid,
    [property: JsonPropertyName("running")] bool Running,
    [property: JsonPropertyName("revision")] int Revision,
    [property: JsonPropertyName("spec")] ContainerSpec Spec,
    [property: JsonPropertyName("intent")] int Intent = 0,
    [property: JsonPropertyName("volume_set")] int VolumeSet = 0);

/// <summary>The answer to GET /api/agent/v1/containers/: every container the node should have, at its desired-state generation.</summary>
public sealed record DesiredContainers(
    [property: JsonPropertyName("generation")] int Generation,
    [property: JsonPropertyName("containers")] IReadOnlyList<DesiredContainer> Containers);
