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
        while (true)
        {
            var pick = -1;
            for (var i = 0; i < queues.Length; i++)
            {
                if (queues[i].Next < queues[i].Entries.Count
                    && (pick < 0 || queues[i].Entries[queues[i].Next].Line.Timestamp < queues[pick].Entries[queues[pick].Next].Line.Timestamp))
                    pick = i;
            }

            if (pick < 0)
                return merged;
            merged.Add(queues[pick].Entries[queues[pick].Next]);
            queues[pick].Next++;
        }
    }
}
