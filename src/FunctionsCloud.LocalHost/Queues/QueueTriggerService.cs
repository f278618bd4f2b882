using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FunctionsCloud.LocalHost.Configuration;
using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Queues;

/// <summary>
/// Drains one queue into its trigger function, as the Functions host does: a message is deleted when the function
/// succeeds; on failure it becomes visible again after the visibility timeout, and once it has been dequeued
/// maxDequeueCount times it moves to "&lt;queue&gt;-poison". Polls an empty queue with a growing back-off.
/// </summary>
public sealed class QueueTriggerService(
    DiscoveredFunction function,
    IServiceProvider services,
    IConfiguration configuration,
    HostJsonSettings hostJson,
    ILogger<QueueTriggerService> logger) : BackgroundService
{
    // While a message is being processed it stays hidden for this long; enough for any local function.
    private static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(5);

    private readonly QueueTriggerBinding _binding = (QueueTriggerBinding)function.Trigger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = StorageConnection.Resolve(configuration, _binding.Connection);
        var queue = new QueueClient(connection, _binding.QueueName);
        var poison = new QueueClient(connection, _binding.QueueName + "-poison");
        var backoff = new QueuePollingBackoff();
        var queueReady = false;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!queueReady)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    queueReady = true;
                }

                QueueMessage[] messages = await queue.ReceiveMessagesAsync(hostJson.QueueBatchSize, ProcessingVisibility, stoppingToken);
                if (messages.Length > 0)
                {
                    backoff.Reset();
                    await Task.WhenAll(messages.Select(m => ProcessAsync(queue, poison, m, stoppingToken)));
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or System.Net.Http.HttpRequestException)
            {
                logger.LogWarning("Cannot read queue {Queue} for function {Function}: {Error}", _binding.QueueName, function.Name, e.Message);
            }

            try
            {
                await Task.Delay(backoff.NextDelay(), stoppingToken); // polling back-off on an empty (or unreachable) queue
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            // A message already over the limit (e.g. the host stopped mid-run) goes straight to poison.
            if (message.DequeueCount > hostJson.QueueMaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, stoppingToken);
                return;
            }

            if (await TryInvokeAsync(message, stoppingToken))
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            else if (message.DequeueCount >= hostJson.QueueMaxDequeueCount)
                await MoveToPoisonAsync(queue, poison, message, stoppingToken);
            else
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: hostJson.QueueVisibilityTimeout, cancellationToken: stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its processing visibility timeout.
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning("Could not settle message {MessageId} of queue {Queue}: {Error}", message.MessageId, _binding.QueueName, e.Message);
        }
    }

    private async Task<bool> TryInvokeAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var body = QueueMessageBody.Decode(message.Body);
        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = message.MessageId,
            ["DequeueCount"] = message.DequeueCount,
            ["InsertionTime"] = message.InsertedOn,
            ["ExpirationTime"] = message.ExpiresOn,
            ["NextVisibleTime"] = message.NextVisibleOn,
            ["PopReceipt"] = message.PopReceipt,
        };
        try
        {
            await FunctionInvoker.InvokeInNewScopeAsync(
                function, services, new QueueTriggerValue(message, body), new LocalBindingContext(bindingData), stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Queue function {Function} failed on message {MessageId} (dequeue count {DequeueCount} of {Max}).",
                function.Name, message.MessageId, message.DequeueCount, hostJson.QueueMaxDequeueCount);
            return false;
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: stoppingToken); // the body as received: still Base64
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        logger.LogWarning("Message {MessageId} moved to {PoisonQueue} after {DequeueCount} attempts.", message.MessageId, poison.Name, message.DequeueCount);
    }
}
