using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Storage.Liveness;

/// <summary>The pointer columns a write changes; null ones keep their stored values.</summary>
public sealed record LivenessPatch
{
    public DateTimeOffset? LastSeen { get; init; }
    public NodeInventory? Inventory { get; init; }
    public bool? Unreachable { get; init; }
    public int? Generation { get; init; }
    public int? SecretVersion { get; init; }
    /// <summary>Orders the engine upgrade of this action; <see cref="Guid.Empty"/> withdraws the order.</summary>
    public Guid? EngineUpgrade { get; init; }
}
