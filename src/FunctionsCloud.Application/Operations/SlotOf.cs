using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Application.Operations;

/// <summary>How one kind of object keeps its operation slot.</summary>
/// <param name="Snapshot">What an operation's preparation may change, kept to give back: returns what puts it back.</param>
public sealed record SlotOf<T>(
    IEntityStore<T> Store, Func<T, Guid?> HolderOf, Action<T, Guid?> Hold, Func<T, Action<T>> Snapshot, Func<Guid, Exception> NotFound)
    where T : class;
