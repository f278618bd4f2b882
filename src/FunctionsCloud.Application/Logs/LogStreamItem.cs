namespace FunctionsCloud.Application.Logs;

/// <summary>What a follow stream yields: a message with the id that resumes after it, or (no message) a poll that found nothing.</summary>
public sealed record LogStreamItem(string? Id, LogMessage? Message)
{
    public static readonly LogStreamItem Nothing = new(null, null);
}
