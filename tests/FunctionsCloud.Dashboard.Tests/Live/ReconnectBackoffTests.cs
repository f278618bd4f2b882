using FunctionsCloud.Dashboard.Live;

namespace FunctionsCloud.Dashboard.Tests.Live;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Waits_double_after_each_failure_up_to_thirty_seconds_and_start_over_once_a_stream_opened()
    {
        var backoff = new ReconnectBackoff();

        var waits = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds).ToList();
        backoff.Reset();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}
