namespace FunctionsCloud.Application.Logs;

/// <summary>A place in a container's log: a byte offset in one of its segments. (0, 0) is before everything.</summary>
public readonly record struct LogPoint(long Segment, long Offset)
{
    public static readonly LogPoint Start = new(0, 0);
}
