using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Runtime;
using static FunctionsCloud.Cli.Commands.Stacks.StackKind;

namespace FunctionsCloud.Cli.Commands.Stacks;

/// <summary><c>fc stack up|create|ls|inspect|start|stop|redeploy|update|export|rm</c>, from stackfiles (docker-cloud.yml).</summary>
public static class StackCommand
{
    public const string DefaultStackfile = "docker-cloud.yml";

    public static Command Build(CommandHost host) => new("stack", "Stacks: services from one stackfile, deployed together")
    {
        Create(host, "up", "Create a stack from a stackfile and start it", start: true),
        Create(host, "create", "Create a stack from a stackfile (Not running)", start: false),
        ResourceCommands.List(host, Kind, "ls", "List stacks", "fc stack ls"),
        ResourceCommands.Inspect(host, Kind),
        ResourceCommands.Operation(host, Kind, "start", "Start a stack's services, linked ones first"),
        ResourceCommands.Operation(host, Kind, "stop", "Stop a stack's services"),
        ResourceCommands.Operation(host, Kind, "redeploy", "Redeploy a stack's services, starting new ones and terminating those taken out"),
        Update(host),
        Export(host),
        ResourceCommands.Remove(host, Kind, "Terminate a stack and its services"),
    };

    private static Option<FileInfo> File() => new("--file", "-f")
    {
        Description = $"The stackfile (default: {DefaultStackfile})",
        DefaultValueFactory = _ => new FileInfo(DefaultStackfile),
    };

    private static Command Create(CommandHost host, string verb, string description, bool start)
    {
        var file = File();
        var name = new Option<string>("--name", "-n") { Description = "The stack's name (default: the stackfile's folder)" };
        var sync = CommonOptions.Sync();
        var command = new Command(verb, description) { file, name };
        if (start)
            command.Add(sync);
        host.Handle(command, async context =>
        {
            // Read before anything is sent: a stackfile that cannot be read is the command line's fault.
            var stackfile = context.Value(file)!;
            var text = await ReadAsync(stackfile);
            var created = await context.Client.CreateStackAsync(context.Value(name) ?? FolderName(stackfile), text, context.Cancellation);
            if (!start)
                return await context.FinishAsync(created, Kind.Id(created.Object), sync: false);
            var started = await context.Client.Stacks.PostAsync(created.Object.ResourceUri, "start", context.Cancellation);
            return await context.FinishAsync(started, Kind.Id(started.Object), context.Value(sync));
        });
        return command.WithExample(start ? "fc stack up -f docker-cloud.yml -n shop --sync" : "fc stack create -f docker-cloud.yml -n shop");
    }

    private static Command Update(CommandHost host)
    {
        var stack = CommonOptions.Identifier("stack");
        var file = File();
        var command = new Command("update", "Make a stack's services the stackfile's; its next redeploy applies them") { stack, file };
        host.Handle(command, async context =>
        {
            var text = await ReadAsync(context.Value(file)!);
            var found = await ResourceCommands.ResolveAsync(context, Kind, context.Value(stack));
            var updated = await context.Client.UpdateStackAsync(found.ResourceUri, text, context.Cancellation);
            return await context.FinishAsync(updated, Kind.Id(updated.Object), sync: false);
        });
        return command.WithExample("fc stack update shop -f docker-cloud.yml");
    }

    private static Command Export(CommandHost host)
    {
        var stack = CommonOptions.Identifier("stack");
        var file = new Option<FileInfo>("--file", "-f") { Description = "Write the stackfile there (default: print it)" };
        var command = new Command("export", "Print the stackfile that creates the stack's services again") { stack, file };
        host.Handle(command, async context =>
        {
            var found = await ResourceCommands.ResolveAsync(context, Kind, context.Value(stack));
            var stackfile = await context.Client.ExportStackAsync(found.ResourceUri, context.Cancellation);
            if (context.Value(file) is { } target)
                await System.IO.File.WriteAllTextAsync(target.FullName, stackfile, context.Cancellation);
            else
                context.Writer.Text(stackfile);
            return ExitCodes.Ok;
        });
        return command.WithExample("fc stack export shop -f docker-cloud.yml");
    }

    private static async Task<string> ReadAsync(FileInfo stackfile)
    {
        try
        {
            return await System.IO.File.ReadAllTextAsync(stackfile.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Usage, $"Cannot read the stackfile {stackfile.FullName}: {e.Message}");
        }
    }

    /// <summary>Docker Cloud's CLI named a stack after the folder of its stackfile, as Compose names a project.</summary>
    public static string FolderName(FileInfo stackfile) => stackfile.Directory?.Name is { Length: > 0 } folder ? folder : "stack";
}
