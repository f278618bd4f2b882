namespace FunctionsCloud.Storage.Liveness;

/// <summary>A due row: the node must be looked at since <see cref="DueTicks"/>.</summary>
/// <param name="Unreachable">The deadline is the lost one: the node was judged Unreachable when it was set.</param>
/// <param name="Version">The due row's ETag; "*" when the row is only known from its pointer.</param>
public sealed record LivenessDue(string Namespace, Guid NodeUuid, long DueTicks, DateTimeOffset LastSeen, bool Unreachable, string Version);
