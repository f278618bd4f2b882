namespace FunctionsCloud.Domain.Logs;

/// <summary>One line a container printed, as its engine timestamped it, and the stream it came on ("stdout" or "stderr").</summary>
public sealed record LogLine(DateTimeOffset Timestamp, string Source, string Text)
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
}
