using Azure;
using Azure.Storage.Queues;

namespace FunctionsCloud.Storage.Commands;

internal sealed class CommandQueues(QueueServiceClient queues) : ICommandQueues
{
    // Peek returns at most 32 messages in one call.
    private const int MaxPeek = 32;

    public async Task SendAsync(string queueName, string text, CancellationToken cancellationToken = default)
    {
        var queue = queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PeekedCommand>> PeekAsync(string queueName, CancellationToken cancellationToken = default)
    {
        try
        {
            var peeked = await queues.GetQueueClient(queueName).PeekMessagesAsync(MaxPeek, cancellationToken).ConfigureAwait(false);
            return peeked.Value.Select(m => new PeekedCommand(m.MessageId, m.InsertedOn, m.DequeueCount, m.Body)).ToList();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return []; // no message was ever poisoned
        }
    }
}
