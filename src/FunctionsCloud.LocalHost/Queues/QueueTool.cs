using System.Text;
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
        var connection = configuration["AzureWebJobsStorage"] ?? "UseDevelopmentStorage=true";
        var queue = new QueueClient(connection, args[1]);
        if (args[0] == "enqueue")
        {
            await queue.CreateIfNotExistsAsync();
            var sent = await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(await input.ReadToEndAsync())));
            await output.WriteLineAsync($"sent {sent.Value.MessageId} to {args[1]}");
            return 0;
        }

        if (!await queue.ExistsAsync())
            return 0;
        foreach (var message in (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value)
        {
            await output.WriteLineAsync(Decode(message.Body));
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return 0;
    }

    private static string Decode(BinaryData body)
    {
        var text = body.ToString();
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text; // sent as plain text
        }
    }
}
