using System.Text.RegularExpressions;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Which queues a reply may go to: a valid queue name that is none of the app's own queues, so that a message
/// cannot make the app write into its command queue, a poison queue or Durable Functions' control and work-item queues.
/// </summary>
public static partial class ReplyQueueNames
{
    public static string? Problem(string name, string commandQueue)
    {
        if (!QueueName().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
            return "must be a queue name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.";
        if (name == commandQueue || name.EndsWith("-poison", StringComparison.Ordinal)
            || name.Contains("-control-", StringComparison.Ordinal) || name.EndsWith("-workitems", StringComparison.Ordinal))
            return "names one of the app's own queues (the command queue, a poison queue or a Durable Functions queue).";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\\z")]
    private static partial Regex QueueName();
}
