namespace FunctionsCloud.Storage.Changes;

/// <summary>Where a namespace's change log begins now that retention deleted its oldest changes.</summary>
/// <param name="LastDeleted">Every change up to this number is gone; the oldest kept is the next.</param>
/// <param name="NewestDeleted">The time of the newest change deleted: a read since a time at or before it may miss some.</param>
public sealed record ChangeLogFloor(long LastDeleted, DateTimeOffset NewestDeleted)
{
    public long OldestKept => LastDeleted + 1;
}
