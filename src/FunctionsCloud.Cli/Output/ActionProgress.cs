using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client;
using FunctionsCloud.Client.Resources;
using Spectre.Console;

namespace FunctionsCloud.Cli.Output;

/// <summary>
/// <c>--sync</c>: follows an action until it ends, on stderr. On a terminal a spinner shows its state and its latest
/// log line; without one each new state and log line is a plain line of its own. Success is exit 0; Failed and
/// Canceled are <see cref="ExitCodes.ActionFailed"/>, with the log shown.
/// </summary>
public sealed class ActionProgress(FunctionsCloudClient client, CliOutput output, TimeSpan interval)
{
    public async Task<int> FollowAsync(string actionUri, CancellationToken cancellationToken)
    {
        var ended = output.ErrorIsTerminal
            ? await SpinAsync(actionUri, cancellationToken)
            : await client.WaitForActionAsync(actionUri, interval, new PlainLines(output.ErrorWriter).Show, cancellationToken);
        output.ErrorWriter.WriteLine($"{ended.Action}: {ended.State} ({Formats.Short(ended.Uuid)})");
        if (ended.State == "Success")
            return ExitCodes.Ok;
        if (output.ErrorIsTerminal && await client.ActionLogAsync(actionUri, cancellationToken) is { Length: > 0 } log)
            output.ErrorWriter.WriteLine(log.TrimEnd('\n'));
        return ExitCodes.ActionFailed;
    }

    private Task<AuditAction> SpinAsync(string actionUri, CancellationToken cancellationToken) =>
        output.Error.Status().Spinner(Spinner.Known.Dots).StartAsync("Waiting for the action", context =>
            client.WaitForActionAsync(actionUri, interval, (action, log) => context.Status(Markup.Escape(Headline(action, log))), cancellationToken));

    /// <summary>"Service Scale: In progress: 2 of 3 containers running" (the log's last line, when it has one).</summary>
    public static string Headline(AuditAction action, string log)
    {
        var line = LogLines(log).LastOrDefault();
        return line is null ? $"{action.Action}: {action.State}" : $"{action.Action}: {action.State}: {line}";
    }

    public static string[] LogLines(string logs) => logs.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Prints what is new at each look: a changed state, and the log lines not printed yet.</summary>
    internal sealed class PlainLines(TextWriter writer)
    {
        private string? state;
        private int linesShown;

        public void Show(AuditAction action, string log)
        {
            if (action.State != state && !action.HasEnded)
                writer.WriteLine($"{action.Action}: {action.State}");
            state = action.State;
            var lines = LogLines(log);
            foreach (var line in lines.Skip(linesShown))
                writer.WriteLine($"  {line}");
            linesShown = Math.Max(linesShown, lines.Length);
        }
    }
}
