namespace FunctionsCloud.Application.Logs;

/// <summary>How a downloaded log is written: plain text lines (time, stream, the container for a service, the text), or NDJSON of log messages.</summary>
public enum LogFileFormat
{
    Text,
    Ndjson,
}
