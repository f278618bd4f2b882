using System.CommandLine;
using System.CommandLine.Help;
using FunctionsCloud.Cli.Commands.Actions;
using FunctionsCloud.Cli.Commands.ApiKeys;
using FunctionsCloud.Cli.Commands.Users;
using FunctionsCloud.Cli.Commands.Catalog;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Commands.Completion;
using FunctionsCloud.Cli.Commands.Containers;
using FunctionsCloud.Cli.Commands.Events;
using FunctionsCloud.Cli.Commands.Login;
using FunctionsCloud.Cli.Commands.NodeClusters;
using FunctionsCloud.Cli.Commands.Nodes;
using FunctionsCloud.Cli.Commands.Services;
using FunctionsCloud.Cli.Commands.Stacks;
using FunctionsCloud.Cli.Commands.Triggers;
using FunctionsCloud.Cli.Runtime;

namespace FunctionsCloud.Cli;

/// <summary>The <c>fc</c> command line: every command, and one run of it.</summary>
public static class FcApp
{
    public static RootCommand Build(CommandHost host)
    {
        var root = new RootCommand("fc: FunctionsCloud from a terminal. Log in once with `fc login`, or set FC_URL, FC_USER and FC_APIKEY.")
        {
            GlobalOptions.Output,
            LoginCommand.Build(host),
        };
        foreach (var catalog in CatalogCommands.Build(host))
            root.Add(catalog);
        root.Add(NodeClusterCommand.Build(host));
        root.Add(NodeCommand.Build(host));
        root.Add(ServiceCommand.Build(host));
        root.Add(ContainerCommand.Build(host));
        root.Add(StackCommand.Build(host));
        root.Add(TriggerCommand.Build(host));
        root.Add(ActionCommand.Build(host));
        root.Add(ApiKeyCommand.Build(host));
        root.Add(UserCommand.Build(host));
        root.Add(OrganizationCommand.Build(host));
        root.Add(EventCommand.Build(host));
        root.Add(CompletionCommand.Build(host));
        CompletionWords.Install(root);
        return root;
    }

    /// <summary>
    /// Runs one command line. A line the parser refuses is answered on stderr with <see cref="ExitCodes.Usage"/>
    /// before anything is sent; <c>--help</c> wins over such errors, as people expect, and so does the completion
    /// scripts' <c>[suggest]</c>: the line it completes is one argument that the parser, alone, would refuse.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parse = Build(new CommandHost(environment)).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not (HelpAction or CompletionWords))
        {
            foreach (var error in parse.Errors)
                environment.Error.WriteLine($"fc: {error.Message}");
            environment.Error.WriteLine($"See '{string.Join(' ', CommandPath(parse))} --help'.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error }, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "fc" : result.Command.Name);
        return names;
    }
}
