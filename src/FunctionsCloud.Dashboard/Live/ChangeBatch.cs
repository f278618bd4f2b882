using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>
/// The events a page was told since it last read (a burst of them, gathered by <see cref="ChangeDebouncer"/>), or a
/// resync: anything may have changed. Says which lists lost or gained members and which objects to read again.
/// </summary>
public sealed class ChangeBatch(IReadOnlyList<ObjectEvent> events, bool resync)
{
    public static readonly ChangeBatch Everything = new([], resync: true);

    public IReadOnlyList<ObjectEvent> Events => events;

    public bool Resync => resync;

    /// <summary>Whether an object of the collection was created or deleted (or anything may have changed): its list is to be read again.</summary>
    /// <param name="collection">The collection's path, e.g. <c>/api/app/v1/service/</c>.</param>
    public bool ChangesMembersOf(string collection) =>
        resync || events.Any(e => e.Action != "update" && e.ResourceUri.StartsWith(collection, StringComparison.Ordinal));

    /// <summary>The objects of the collection that changed, or whose children did (a service whose container did: its counts follow them).</summary>
    public IReadOnlySet<string> Named(string collection) =>
        events.SelectMany(e => e.Parents.Prepend(e.ResourceUri))
            .Where(uri => uri.StartsWith(collection, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
}
