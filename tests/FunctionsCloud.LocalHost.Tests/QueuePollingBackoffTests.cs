using FunctionsCloud.LocalHost.Queues;

namespace FunctionsCloud.LocalHost.Tests;

public sealed class QueuePollingBackoffTests
{
    [Fact]
    public void Doubles_up_to_the_cap_and_resets()
    {
        var backoff = new QueuePollingBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));

        Assert.Equal(
            [100, 200, 300, 300],
            Enumerable.Range(0, 4).Select(_ => backoff.NextDelay().TotalMilliseconds));
        backoff.Reset();
        Assert.Equal(100, backoff.NextDelay().TotalMilliseconds);
    }

    [Fact]
    public void Message_bodies_are_base64_and_plain_text_is_tolerated()
    {
        Assert.Equal("{\"a\":1}", QueueMessageBody.Decode(BinaryData.FromString(QueueMessageBody.Encode("{\"a\":1}"))).ToString());
        Assert.Equal("{\"a\":1}", QueueMessageBody.Decode(BinaryData.FromString("{\"a\":1}")).ToString());
    }
}
