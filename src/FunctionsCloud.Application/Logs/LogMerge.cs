using System.Runtime.CompilerServices;

namespace FunctionsCloud.Application.Logs;

/// <summary>
/// Merges containers' lines by time, keeping each container's own order (its lines are in the order it printed them,
/// which a sort by timestamp alone could break where its clock stepped back).
/// </summary>
public static class LogMerge
{
    public static IReadOnlyList<LogEntry> ByTime(IEnumerable<IReadOnlyList<LogEntry>> perContainer)
    {
        var queues = perContainer.Where(q => q.Count > 0).Select(q => (Entries: q, Next: 0)).ToArray();
        var merged = new List<LogEntry>(queues.Sum(q => q.Entries.Count));
        while (Earliest(queues.Select(q => q.Next < q.Entries.Count ? q.Entries[q.Next] : null).ToArray()) is var pick and >= 0)
        {
            merged.Add(queues[pick].Entries[queues[pick].Next]);
            queues[pick].Next++;
        }

        return merged;
    }

    /// <summary>The same merge as containers' lines are read: one line of each container is held at a time.</summary>
    public static async IAsyncEnumerable<LogEntry> ByTimeAsync(IReadOnlyList<IAsyncEnumerable<LogEntry>> perContainer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perContainer);
        var readers = perContainer.Select(c => c.GetAsyncEnumerator(cancellationToken)).ToArray();
        var heads = new LogEntry?[readers.Length];
        try
        {
            for (var i = 0; i < readers.Length; i++)
                heads[i] = await readers[i].MoveNextAsync() ? readers[i].Current : null;
            while (Earliest(heads) is var pick and >= 0)
            {
                yield return heads[pick]!;
                heads[pick] = await readers[pick].MoveNextAsync() ? readers[pick].Current : null;
            }
        }
        finally
        {
            foreach (var reader in readers)
                await reader.DisposeAsync();
        }
    }

    /// <summary>The index of the earliest line (the first container's on a tie), or -1 when none is left.</summary>
    private static int Earliest(LogEntry?[] heads)
    {
        var pick = -1;
        for (var i = 0; i < heads.Length; i++)
        {
            if (heads[i] is { } head && (pick < 0 || head.Line.Timestamp < heads[pick]!.Line.Timestamp))
                pick = i;
        }

        return pick;
    }
}
