namespace FunctionsCloud.LoadTests.Support;

/// <summary>Request latencies of a run, for percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _milliseconds.Count;
        }
    }

    public void Add(TimeSpan latency)
    {
        lock (_gate)
            _milliseconds.Add(latency.TotalMilliseconds);
    }

    /// <summary>The latency at or below which <paramref name="percent"/> % of requests finished (nearest rank).</summary>
    public double Percentile(double percent)
    {
        lock (_gate)
        {
            if (_milliseconds.Count == 0)
                return double.NaN;
            var sorted = _milliseconds.Order().ToList();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }
    }

    /// <summary>"p50 x ms, p99 y ms (n)", for the reports that put a part beside the whole.</summary>
    public string Summary() => Count == 0 ? "none" : $"p50 {Percentile(50):F1} ms, p99 {Percentile(99):F1} ms ({Count:N0})";
}
