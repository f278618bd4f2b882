using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Queues;

/// <summary>
/// The local run's queues from a shell, where no storage tool is at hand: <c>enqueue &lt;queue&gt;</c> sends standard
/// input as one message (Base64, as the Functions host reads it); <c>receive &lt;queue&gt;</c> prints the messages
/// waiting (e.g. replies to commands) and takes them off the queue.
/// </summary>
public static class QueueTool
{
    public static bool Handles(string[] args) => args is ["enqueue" or "receive", _];

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextReader input, TextWriter output)
    {
        var queue = new QueueClient(StorageConnection.Resolve(configuration, "AzureWebJobsStorage"), args[1]);
        if (args[0] == "enqueue")
        {
            await queue.CreateIfNotExistsAsync();
            var sent = await queue.SendMessageAsync(QueueMessageBody.Encode(await input.ReadToEndAsync()));
            await output.WriteLineAsync($"sent {sent.Value.MessageId} to {args[1]}");
            return 0;
        }

        if (!await queue.ExistsAsync())
            return 0;
        foreach (var message in (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value)
        {
            await output.WriteLineAsync(QueueMessageBody.Decode(message.Body).ToString());
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return 0;
    }
}
