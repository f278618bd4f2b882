using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Logs;

/// <summary>
/// The lines a log view shows: the newest <see cref="MaxShown"/> of them. While paused, new lines wait instead of
/// moving the view, and resuming shows them; those that would not fit are counted, so the view can say so. A line
/// already held (the same time, container, stream and text: a stream opened again after a lost connection repeats the
/// lines around where it left off) is not added twice.
/// </summary>
public sealed class LogTail(int maxShown = LogTail.DefaultMaxShown)
{
    public const int DefaultMaxShown = 1_000;

    private readonly Queue<LogMessage> shown = new();
    private readonly Queue<LogMessage> waiting = new();
    private readonly HashSet<LogMessage> held = [];

    public int MaxShown => maxShown;

    public IReadOnlyCollection<LogMessage> Shown => shown;

    public int Waiting => waiting.Count;

    /// <summary>Lines that arrived but were pushed out before they could be shown (more than fit while paused).</summary>
    public long Skipped { get; private set; }

    public bool IsPaused { get; private set; }

    /// <summary>The newest time of a line held, to go on from after a lost connection.</summary>
    public DateTimeOffset? Newest { get; private set; }

    /// <returns>Whether the line is new (false: it was held already).</returns>
    public bool Add(LogMessage line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!held.Add(line))
            return false;
        if (Newest is not { } newest || line.Time > newest)
            Newest = line.Time;
        if (IsPaused)
            Enqueue(waiting, line, countSkipped: true);
        else
            Enqueue(shown, line, countSkipped: false);
        return true;
    }

    public void Pause() => IsPaused = true;

    public void Resume()
    {
        IsPaused = false;
        while (waiting.TryDequeue(out var line))
            Enqueue(shown, line, countSkipped: false);
    }

    public void Clear()
    {
        shown.Clear();
        waiting.Clear();
        held.Clear();
        Skipped = 0;
        Newest = null;
    }

    private void Enqueue(Queue<LogMessage> lines, LogMessage line, bool countSkipped)
    {
        lines.Enqueue(line);
        if (lines.Count <= maxShown)
            return;
        held.Remove(lines.Dequeue());
        if (countSkipped)
            Skipped++;
    }
}
