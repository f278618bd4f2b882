namespace FunctionsCloud.Application.Logs;

/// <summary>
/// What a follow stream yields: a message with the id that resumes after it, or (no message) a poll that found
/// nothing, or <see cref="End"/>: what was followed has ended, and nothing more will come (a client need not reconnect).
/// </summary>
public sealed record LogStreamItem(string? Id, LogMessage? Message, bool Ended = false) : IStreamItem
{
    public static readonly LogStreamItem Nothing = new(null, null);

    public static readonly LogStreamItem End = new(null, null, Ended: true);

    object? IStreamItem.Data => Message;
}
