using Azure.Storage.Queues.Models;
using FunctionsCloud.Application.Commands;
using FunctionsCloud.Application.Configuration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Functions.Commands;

/// <summary>
/// The command queue (app setting FunctionsCloud__CommandQueue): operations on services and node clusters for systems
/// that drop a message rather than call the API. A throw means "try again": only transient failures throw.
/// </summary>
public sealed class CommandQueueFunction(CommandProcessor processor, IOptions<FunctionsCloudOptions> options)
{
    [Function("RunCommand")]
    public Task Run(
        [QueueTrigger("%FunctionsCloud__CommandQueue%")] QueueMessage message, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
        => processor.ProcessAsync(new CommandDelivery(options.Value.CommandQueue, message.MessageId, CommandText.Decode(message.Body)), durable, cancellationToken);
}
