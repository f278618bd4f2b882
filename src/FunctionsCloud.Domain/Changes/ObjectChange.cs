namespace FunctionsCloud.Domain.Changes;

/// <summary>
/// One change of one object, as Docker Cloud's event stream sent it (<c>{type, action, state, resource_uri, parents,
/// uuid, datetime}</c>), with its place in its namespace's change log (<see cref="Sequence"/>, from 1, no gaps).
/// </summary>
public sealed record ObjectChange(
    long Sequence, string Type, string Action, string State, string ResourceUri, IReadOnlyList<string> Parents, Guid Uuid, DateTimeOffset Datetime);
