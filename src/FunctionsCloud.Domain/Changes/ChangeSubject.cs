namespace FunctionsCloud.Domain.Changes;

/// <summary>
/// What a change says about the object it changed: its kind (Docker Cloud's event <c>type</c>), identity, state by
/// wire name, the objects it belongs to, and whether the change ended it (Terminated: a <c>delete</c> event).
/// </summary>
public sealed record ChangeSubject(string Type, Guid Uuid, string ResourceUri, string State, IReadOnlyList<string> Parents, bool Ended);
