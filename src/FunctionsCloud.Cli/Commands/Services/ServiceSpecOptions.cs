using System.CommandLine;
using System.CommandLine.Parsing;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Requests;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.Services;

/// <summary>
/// What <c>fc service create</c> and <c>fc service run</c> take, shaped like Docker Cloud's CLI, and the request they
/// make. Ports and variables are checked as they are parsed, so that nothing malformed reaches the API.
/// </summary>
public sealed class ServiceSpecOptions
{
    private static readonly string[] Strategies = ["EMPTIEST_NODE", "HIGH_AVAILABILITY", "EVERY_NODE"];
    private static readonly string[] Restarts = ["OFF", "ON_FAILURE", "ALWAYS"];
    private static readonly string[] Destroys = ["OFF", "ON_SUCCESS", "ALWAYS"];

    private readonly Argument<string> image = new("image") { Description = "The image, e.g. functionscloud/busybox or registry.example.com/team/app:1.2" };
    private readonly Argument<string[]> runCommand = new("command") { Description = "The command to run (after --)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> name = new("--name", "-n") { Description = "The service's name (the API makes one from the image otherwise)" };
    private readonly Option<int?> containers = new("--target-num-containers", "-t") { Description = "How many containers (default 1)" };
    private readonly Option<string[]> publish = new("--publish", "-p") { Description = "Publish a port: [HOST:]CONTAINER[/tcp|udp]; repeat for more" };
    private readonly Option<string[]> expose = new("--expose") { Description = "Expose a port to linked services only: CONTAINER[/tcp|udp]" };
    private readonly Option<string[]> environment = new("--env", "-e") { Description = "A variable: KEY=VALUE; repeat for more" };
    private readonly Option<string[]> links = new("--link-service") { Description = "Link a service: SERVICE:ALIAS (name, uuid or prefix); repeat for more" };
    private readonly Option<string> strategy = new("--deployment-strategy") { Description = "Where containers go" };
    private readonly Option<string> autorestart = new("--autorestart") { Description = "Restart containers that exit" };
    private readonly Option<string> autodestroy = new("--autodestroy") { Description = "Terminate containers that exit" };
    private readonly Option<string> entrypoint = new("--entrypoint") { Description = "Override the image's entrypoint" };
    private readonly Option<bool> sequential = new("--sequential") { Description = "Deploy containers one after another" };
    private readonly Option<string[]> tags = Tags.Option("Deploy only to nodes with this tag");

    public ServiceSpecOptions()
    {
        strategy.AcceptOnlyFromAmong(Strategies);
        autorestart.AcceptOnlyFromAmong(Restarts);
        autodestroy.AcceptOnlyFromAmong(Destroys);
        containers.InRange(0);
        publish.Validators.Add(result => CheckPorts(result, published: true));
        expose.Validators.Add(result => CheckPorts(result, published: false));
        environment.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !t.Value.Contains('=', StringComparison.Ordinal) || t.Value.StartsWith('=')))
                result.AddError($"'{token.Value}': write a variable as KEY=VALUE.");
        });
        links.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Split(':') is not [{ Length: > 0 }, { Length: > 0 }]))
                result.AddError($"'{token.Value}': write a link as SERVICE:ALIAS.");
        });
    }

    public void AddTo(Command command)
    {
        command.Add(image);
        command.Add(runCommand);
        foreach (var option in new Option[] { name, containers, publish, expose, environment, links, strategy, autorestart, autodestroy, entrypoint, sequential, tags })
            command.Add(option);
    }

    public async Task<CreateServiceRequest> RequestAsync(CommandContext context) => new()
    {
        ImageName = context.Value(image),
        Name = context.Value(name),
        TargetNumContainers = context.Value(containers),
        DeploymentStrategy = context.Value(strategy),
        Tags = Tags.Of(context.Value(tags)),
        ContainerPorts = Ports(context),
        ContainerEnvvars = Variables(context.Value(environment)),
        LinkedToService = await LinksAsync(context),
        RunCommand = context.Value(runCommand) is { Length: > 0 } words ? string.Join(' ', words) : null,
        Entrypoint = context.Value(entrypoint),
        Autorestart = context.Value(autorestart),
        Autodestroy = context.Value(autodestroy),
        SequentialDeployment = context.Value(sequential) ? true : null,
    };

    private List<ContainerPort>? Ports(CommandContext context)
    {
        var ports = (context.Value(publish) ?? []).Select(p => Port(p, true))
            .Concat((context.Value(expose) ?? []).Select(p => Port(p, false)))
            .ToList();
        return ports.Count > 0 ? ports : null;
    }

    private static ContainerPort Port(string text, bool published) =>
        PortSpec.TryParse(text, published, out var port, out var error) ? port : throw new CliException(ExitCodes.Usage, error);

    private static List<EnvironmentVariable>? Variables(string[]? pairs) =>
        pairs is { Length: > 0 } ? pairs.Select(p => p.Split('=', 2)).Select(kv => new EnvironmentVariable(kv[0], kv[1])).ToList() : null;

    private async Task<List<LinkRequest>?> LinksAsync(CommandContext context)
    {
        if (context.Value(links) is not { Length: > 0 } given)
            return null;
        var requests = new List<LinkRequest>();
        foreach (var link in given)
        {
            var (service, alias) = link.Split(':') is [var s, var a] ? (s, a) : throw new CliException(ExitCodes.Usage, $"'{link}': write a link as SERVICE:ALIAS.");
            var target = await ResourceCommands.ResolveAsync(context, ServiceKind.Kind, service);
            requests.Add(new LinkRequest(alias, target.ResourceUri));
        }
        return requests;
    }

    private static void CheckPorts(OptionResult result, bool published)
    {
        foreach (var token in result.Tokens)
            if (!PortSpec.TryParse(token.Value, published, out _, out var error))
                result.AddError(error);
    }
}
