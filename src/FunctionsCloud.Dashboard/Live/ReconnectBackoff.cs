namespace FunctionsCloud.Dashboard.Live;

/// <summary>
/// How long to wait before following the event stream again after it failed: 1 s, doubling up to 30 s, so that an
/// API that is down is not asked every second by every open tab; back to 1 s once a stream opened.
/// </summary>
public sealed class ReconnectBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    private TimeSpan next = First;

    public TimeSpan Next()
    {
        var wait = next;
        next = next * 2 < Longest ? next * 2 : Longest;
        return wait;
    }

    public void Reset() => next = First;
}
