using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>Hands each event of the stream to the pages that care about it, and a resync to all of them.</summary>
public sealed class EventFanOut
{
    private readonly List<EventWatch> watches = [];

    public int Count
    {
        get
        {
            lock (watches)
                return watches.Count;
        }
    }

    /// <returns>Ends the watch when disposed.</returns>
    public IDisposable Add(EventWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        lock (watches)
            watches.Add(watch);
        return new Unwatch(this, watch);
    }

    public void Publish(ObjectEvent change)
    {
        foreach (var watch in Snapshot())
        {
            if (watch.Cares(change))
                watch.Changed(change);
        }
    }

    public void Resync()
    {
        foreach (var watch in Snapshot())
            watch.Resync();
    }

    private EventWatch[] Snapshot()
    {
        lock (watches)
            return [.. watches];
    }

    private void Remove(EventWatch watch)
    {
        lock (watches)
            watches.Remove(watch);
    }

    private sealed class Unwatch(EventFanOut fanOut, EventWatch watch) : IDisposable
    {
        public void Dispose() => fanOut.Remove(watch);
    }
}
