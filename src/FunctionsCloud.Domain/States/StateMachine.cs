using System.Collections.Frozen;

namespace FunctionsCloud.Domain.States;

/// <summary>The legal transitions between the states of one kind of resource. Anything not listed is illegal.</summary>
public sealed class StateMachine<TState> where TState : struct, Enum
{
    private readonly FrozenDictionary<TState, FrozenSet<TState>> _allowed;

    public StateMachine(IReadOnlyDictionary<TState, TState[]> allowed) =>
        _allowed = allowed.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet());

    public bool CanMove(TState from, TState to) =>
        _allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public IReadOnlyCollection<TState> NextStates(TState from) =>
        _allowed.TryGetValue(from, out var targets) ? targets : [];

    /// <summary>Returns <paramref name="to"/> when the move is legal; throws <see cref="IllegalTransitionException"/> otherwise.</summary>
    public TState Move(string resource, TState from, TState to) =>
        CanMove(from, to) ? to : throw new IllegalTransitionException(resource, ApiNames.Of(from), ApiNames.Of(to));
}
