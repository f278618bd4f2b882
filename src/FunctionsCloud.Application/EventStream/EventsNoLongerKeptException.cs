using FunctionsCloud.Storage.Changes;

namespace FunctionsCloud.Application.EventStream;

/// <summary>A read of events from a point older than what the namespace's change log keeps (a 410): it names the oldest point kept.</summary>
public sealed class EventsNoLongerKeptException(ChangeLogFloor floor, int retentionDays)
    : Exception($"Events up to id {floor.LastDeleted} (the newest of them at {floor.NewestDeleted:yyyy-MM-ddTHH:mm:ss.fffZ}) are no longer kept: events are kept {retentionDays} days. The oldest kept is id {floor.OldestKept}: read on from there with after={floor.LastDeleted}, or follow from now without Last-Event-ID.")
{
    public ChangeLogFloor Floor { get; } = floor;
}
