using System.Text.Json;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Storage.Commands;

namespace FunctionsCloud.Application.Commands;

/// <summary>Sends replies as UTF-8 JSON text to the queue a message named (created when missing).</summary>
public sealed class CommandReplies(ICommandQueues queues)
{
    public async Task SendAsync(string? replyTo, CommandReply reply, CancellationToken cancellationToken)
    {
        if (replyTo is not null)
            await queues.SendAsync(replyTo, JsonSerializer.Serialize(reply, ApiJson.Options), cancellationToken);
    }

    /// <summary>A duplicate delivery hears again what the first one heard.</summary>
    public Task RepeatAsync(string? replyTo, CommandReceipt settled, CancellationToken cancellationToken) =>
        SendAsync(replyTo, new CommandReply(
            settled.Key,
            settled.State == CommandReceiptState.Accepted ? CommandReply.Accepted : CommandReply.Rejected,
            settled.Object,
            settled.Action,
            settled.Reason), cancellationToken);
}
