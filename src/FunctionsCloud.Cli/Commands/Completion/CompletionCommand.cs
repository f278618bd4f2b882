using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Runtime;

namespace FunctionsCloud.Cli.Commands.Completion;

/// <summary><c>fc completion bash|zsh</c>: prints the shell's completion script, to be sourced or saved.</summary>
public static class CompletionCommand
{
    public static Command Build(CommandHost host)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong(CompletionScripts.Shells);
        var command = new Command("completion", "Print the shell completion script for bash or zsh (see the README for how to install it)") { shell };
        host.Handle(command, context =>
        {
            context.Output.OutWriter.Write(CompletionScripts.For(context.Value(shell)));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command.WithExample("fc completion bash");
    }
}
