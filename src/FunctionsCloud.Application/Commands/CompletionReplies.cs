using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Storage.Actions;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// The second reply to an accepted command: how its action ended (Success, Failed or Canceled, with the end of its
/// log when it did not succeed). The action remembers where to reply; whichever of "ask" and "finish" comes
/// second sends it.
/// </summary>
public sealed class CompletionReplies(IActionStore actions, CommandReplies replies)
{
    public async Task RequestAsync(string @namespace, Guid action, string replyTo, string commandId, CancellationToken cancellationToken)
    {
        var record = await actions.UpdateAsync(@namespace, action, a => (a.ReplyTo, a.CommandId) = (replyTo, commandId), cancellationToken);
        if (record is { IsFinished: true })
            await SendAsync(record, cancellationToken);
    }

    public Task SendAsync(ActionRecord action, CancellationToken cancellationToken) =>
        replies.SendAsync(action.ReplyTo, new CommandReply(
            action.CommandId ?? action.Uuid.ToString("D"),
            ApiNames.Of(action.State),
            action.Object,
            ResourceUris.Action(action.Uuid),
            action.State == ActionState.Success ? null : Why(action.Logs)), cancellationToken);

    /// <summary>The log's last two lines without their times: what went wrong, then where it left the object.</summary>
    private static string Why(string logs) => string.Join(' ', logs
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .TakeLast(2)
        .Select(line => line.IndexOf(' ') is var at and > 0 ? line[(at + 1)..] : line));
}
