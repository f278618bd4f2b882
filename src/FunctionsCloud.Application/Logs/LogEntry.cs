using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Application.Logs;

/// <summary>A line read from a container's log, with where it begins and where the next one begins.</summary>
public sealed record LogEntry(LogSource Source, LogLine Line, LogPoint Begin, LogPoint End);
