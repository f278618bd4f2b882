namespace FunctionsCloud.Application.Commands;

/// <summary>
/// What the reply queue hears about a command (JSON, snake_case): Accepted with the action that tracks the work (null
/// when the change was immediate), or Rejected with the reason. <c>id</c> is the message's idempotency key.
/// </summary>
public sealed record CommandReply(string Id, string State, string? Object, string? Action, string? Reason)
{
    public const string Accepted = "Accepted";
    public const string Rejected = "Rejected";
}
