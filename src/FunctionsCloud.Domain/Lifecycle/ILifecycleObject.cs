namespace FunctionsCloud.Domain.Lifecycle;

/// <summary>
/// What every object of the resource model with a life of its own has: its identity, its state and the dates that
/// bound its life, and the stamp of its stored copy. Stores map these in one place for all such objects.
/// </summary>
public interface ILifecycleObject<TState> where TState : struct, Enum
{
    Guid Uuid { get; }
    string Namespace { get; }
    TState State { get; }
    DateTimeOffset CreatedDatetime { get; }
    DateTimeOffset? DestroyedDatetime { get; set; }

    /// <summary>Optimistic concurrency stamp of the stored copy.</summary>
    string? Version { get; set; }

    /// <summary>Rehydrates a stored state without checking transitions.</summary>
    void Restore(TState state);
}
