using System.Globalization;
using System.Text;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Dashboard.Logs;

/// <summary>A log as a file to download: a line per line, its time (UTC, to the microsecond), stream and, for a service, container.</summary>
public static class LogFile
{
    public static string Text(IEnumerable<LogMessage> lines, bool namesContainers)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append(' ').Append(line.Source);
            if (namesContainers)
                text.Append(' ').Append(line.Name ?? line.Container);
            text.Append(' ').Append(line.Log).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A file name from what the log is of, kept to letters, digits, dots and dashes.</summary>
    public static string Name(string subject, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var safe = new string([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-')]).Trim('-');
        return $"{(safe.Length == 0 ? "log" : safe)}-{at.UtcDateTime:yyyyMMdd-HHmmss}.log";
    }
}
