using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>Which events a page watches: by the collection of the object changed, or the object itself, parents included.</summary>
public static class EventMatching
{
    /// <summary>Whether the event is of an object of the collection, or of a child of one (a container of a service).</summary>
    /// <param name="collection">The collection's path, e.g. <c>/api/app/v1/service/</c>.</param>
    public static bool Concerns(this ObjectEvent change, string collection)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ResourceUri.StartsWith(collection, StringComparison.Ordinal)
            || change.Parents.Any(p => p.StartsWith(collection, StringComparison.Ordinal));
    }

    /// <summary>Whether the event is of the object at <paramref name="resourceUri"/> or of one of its children.</summary>
    public static bool IsOf(this ObjectEvent change, string resourceUri)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ResourceUri == resourceUri || change.Parents.Contains(resourceUri);
    }
}
