using System.CommandLine;

namespace FunctionsCloud.Cli.Runtime;

/// <summary>Gives every command's body a <see cref="CommandContext"/> and turns whatever it throws into an exit code.</summary>
public sealed class CommandHost(CliEnvironment environment)
{
    public CliEnvironment Environment => environment;

    public void Handle(Command command, Func<CommandContext, Task<int>> body) =>
        command.SetAction((parse, cancellation) => RunAsync(parse, body, cancellation));

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> body, CancellationToken cancellation)
    {
        using var context = new CommandContext(parse, environment, cancellation);
        try
        {
            return await body(context);
        }
        catch (Exception e)
        {
            var (exitCode, lines) = ErrorReport.Of(e, cancellation.IsCancellationRequested);
            foreach (var line in lines)
                environment.Error.WriteLine(line);
            return exitCode;
        }
    }
}
