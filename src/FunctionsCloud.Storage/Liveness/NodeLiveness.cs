using FunctionsCloud.Domain.Agents;

namespace FunctionsCloud.Storage.Liveness;

/// <summary>A node's liveness as its pointer row holds it: when it was last heard from, what it reported, where its due row is.</summary>
public sealed record NodeLiveness
{
    public required string Namespace { get; init; }
    public required Guid NodeUuid { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    public NodeInventory? Inventory { get; init; }
    /// <summary>The monitor judged the node Unreachable and no heartbeat has come since.</summary>
    public bool Unreachable { get; init; }
    /// <summary>Grows whenever the node's desired state changes; agents are told it in every answer.</summary>
    public int Generation { get; init; }
    /// <summary>The version of the node secret that is valid now; rotation moves it on.</summary>
    public int SecretVersion { get; init; } = 1;
    /// <summary>The action of the engine upgrade the node's agent is ordered to run (null: none).</summary>
    public Guid? EngineUpgrade { get; init; }
    /// <summary>Deadline of the node's due row in UTC ticks; 0 when it has none (handed over as lost).</summary>
    public long DueTicks { get; init; }
    /// <summary>The pointer row's ETag.</summary>
    public string? Version { get; init; }
}
