using FunctionsCloud.Client.Operations;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>
/// A list a page shows, brought up to date by a batch of events: read whole again when it gained or lost members (a
/// creation, a deletion, a resync), else only the objects shown that the events name, one read each.
/// </summary>
public static class LiveList
{
    /// <param name="readAll">Reads the whole list as the page shows it (its filter and order).</param>
    public static async Task<IReadOnlyList<T>> RefreshAsync<T>(
        ChangeBatch changes, IReadOnlyList<T>? shown, ResourceClient<T> objects, Func<T, string> uriOf,
        Func<CancellationToken, Task<IReadOnlyList<T>>> readAll, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(uriOf);
        ArgumentNullException.ThrowIfNull(readAll);
        if (shown is null || changes.ChangesMembersOf(objects.Collection))
            return await readAll(cancellationToken);
        var named = changes.Named(objects.Collection);
        var list = shown.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (named.Contains(uriOf(list[i])))
                list[i] = await objects.GetAsync(uriOf(list[i]), cancellationToken);
        }
        return list;
    }
}
