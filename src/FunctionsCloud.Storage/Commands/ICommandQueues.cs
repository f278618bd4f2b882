namespace FunctionsCloud.Storage.Commands;

/// <summary>The storage queues around the command queue: the replies it sends and the poison queue it shows.</summary>
public interface ICommandQueues
{
    /// <summary>Sends one text message to the queue, creating the queue if it is missing.</summary>
    Task SendAsync(string queueName, string text, CancellationToken cancellationToken = default);

    /// <summary>The first messages of the queue (at most 32, the service's limit), left in place; none when the queue is missing.</summary>
    Task<IReadOnlyList<PeekedCommand>> PeekAsync(string queueName, CancellationToken cancellationToken = default);
}
