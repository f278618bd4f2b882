namespace FunctionsCloud.LocalHost.Queues;

/// <summary>How long to wait before polling an empty queue again: doubles from a short minimum up to a cap.</summary>
public sealed class QueuePollingBackoff
{
    public static readonly TimeSpan DefaultMinimum = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan DefaultMaximum = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _minimum;
    private readonly TimeSpan _maximum;
    private TimeSpan _next;

    public QueuePollingBackoff(TimeSpan minimum, TimeSpan maximum)
    {
        _minimum = minimum;
        _maximum = maximum;
        _next = minimum;
    }

    public QueuePollingBackoff()
        : this(DefaultMinimum, DefaultMaximum)
    {
    }

    public TimeSpan NextDelay()
    {
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, _maximum.Ticks));
        return delay;
    }

    public void Reset() => _next = _minimum;
}
