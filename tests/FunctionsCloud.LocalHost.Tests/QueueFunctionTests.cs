using System.Text.Json;
using Azure.Storage.Queues;
using FunctionsCloud.LocalHost.Tests.SampleFunctions;
using FunctionsCloud.Testing;

namespace FunctionsCloud.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueFunctionTests
{
    private const string HostJson = """{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 3 } } }""";

    [Fact]
    public async Task Message_is_bound_to_a_poco_processed_and_deleted()
    {
        var queueName = UniqueQueueName();
        var (host, signals) = await StartAsync(queueName);
        await using (host)
        {
            var queue = await SendAsync(queueName, new WidgetMessage("gear", Fail: false));

            Assert.True(await signals.Processed.WaitAsync(TestHosts.Deadline));
            Assert.Equal("gear", Assert.Single(signals.ProcessedMessages).Name);
            Assert.True(await Eventually.TrueAsync(async () => (await queue.PeekMessagesAsync()).Value.Length == 0, TestHosts.Deadline));
        }
    }

    [Fact]
    public async Task Failing_message_moves_to_poison_after_max_dequeue_count()
    {
        var queueName = UniqueQueueName();
        var (host, signals) = await StartAsync(queueName);
        await using (host)
        {
            var queue = await SendAsync(queueName, new WidgetMessage("bad", Fail: true));
            var poison = new QueueClient(AzuriteFixture.ConnectionString, queueName + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

            Assert.True(await Eventually.TrueAsync(
                async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync()).Value.Length == 1, TestHosts.Deadline));

            var poisoned = (await poison.PeekMessagesAsync()).Value.Single();
            Assert.Equal("bad", JsonSerializer.Deserialize<WidgetMessage>(poisoned.Body.ToString(), JsonSerializerOptions.Web)!.Name);
            Assert.Equal(3, signals.FailedAttemptCount);
            Assert.Empty((await queue.PeekMessagesAsync()).Value);
        }
    }

    private static string UniqueQueueName() => "widgets-" + Guid.NewGuid().ToString("N")[..12];

    private static Task<(LocalFunctionsHost, SampleSignals)> StartAsync(string queueName) =>
        TestHosts.StartAsync(
            f => f.Name == "ProcessWidgetMessage",
            new Dictionary<string, string?> { ["Samples:WidgetQueue"] = queueName, ["AzureWebJobsStorage"] = AzuriteFixture.ConnectionString },
            HostJson);

    // Sent as the app would: Base64-encoded JSON, which is what the Functions host expects.
    private static async Task<QueueClient> SendAsync(string queueName, WidgetMessage message)
    {
        var queue = new QueueClient(AzuriteFixture.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, JsonSerializerOptions.Web));
        return queue;
    }
}
