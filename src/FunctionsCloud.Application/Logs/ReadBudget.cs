namespace FunctionsCloud.Application.Logs;

/// <summary>The bytes of stored log one request may still read, shared by the reads it makes at once.</summary>
public sealed class ReadBudget(long bytes)
{
    private long _left = bytes;

    public bool IsSpent => Interlocked.Read(ref _left) <= 0;

    /// <summary>Takes <paramref name="wanted"/> bytes; false (nothing taken) when fewer are left.</summary>
    public bool TryTake(long wanted)
    {
        while (true)
        {
            var left = Interlocked.Read(ref _left);
            if (left < wanted)
                return false;
            if (Interlocked.CompareExchange(ref _left, left - wanted, left) == left)
                return true;
        }
    }
}
