using FunctionsCloud.Cli.Runtime;
using Spectre.Console;

namespace FunctionsCloud.Cli.Output;

/// <summary>
/// stdout for what a command answers (tables, JSON, ids) and stderr for everything else (progress, errors), so that
/// scripts can read stdout whatever happens. Without a terminal there is no colour, no animation and no wrapping.
/// </summary>
public sealed class CliOutput(CliEnvironment environment)
{
    /// <summary>Wide enough that no table row of ours is ever wrapped in a pipe or a file.</summary>
    private const int UnwrappedWidth = 4096;

    public IAnsiConsole Out { get; } = Console(environment.Out, environment.OutIsTerminal);
    public IAnsiConsole Error { get; } = Console(environment.Error, environment.ErrorIsTerminal);
    public TextWriter OutWriter => environment.Out;
    public TextWriter ErrorWriter => environment.Error;
    public bool ErrorIsTerminal => environment.ErrorIsTerminal;

    private static IAnsiConsole Console(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
            console.Profile.Width = UnwrappedWidth;
        return console;
    }
}
