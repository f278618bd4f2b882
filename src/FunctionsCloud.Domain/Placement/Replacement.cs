using FunctionsCloud.Domain.Containers;

namespace FunctionsCloud.Domain.Placement;

/// <summary>A container lost with its node, and the node its replacement goes to.</summary>
public sealed record Replacement(Container Lost, Guid NodeUuid);
