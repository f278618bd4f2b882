using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Runtime;
using static FunctionsCloud.Cli.Commands.Services.ServiceKind;

namespace FunctionsCloud.Cli.Commands.Services;

/// <summary><c>fc service create</c> makes a service (Not running); <c>fc service run</c> makes it and starts it.</summary>
public static class ServiceCreateCommand
{
    public static Command Create(CommandHost host)
    {
        var spec = new ServiceSpecOptions();
        var command = new Command("create", "Create a service without starting it");
        spec.AddTo(command);
        host.Handle(command, async context =>
        {
            var created = await context.Client.CreateServiceAsync(await spec.RequestAsync(context), context.Cancellation);
            return await context.FinishAsync(created, Kind.Id(created.Object), sync: false);
        });
        return command.WithExample("fc service create -n web -t 2 -p 80 functionscloud/busybox");
    }

    public static Command Run(CommandHost host)
    {
        var spec = new ServiceSpecOptions();
        var sync = CommonOptions.Sync();
        var command = new Command("run", "Create a service and start it") { sync };
        spec.AddTo(command);
        host.Handle(command, async context =>
        {
            var created = await context.Client.CreateServiceAsync(await spec.RequestAsync(context), context.Cancellation);
            var started = await context.Client.Services.PostAsync(created.Object.ResourceUri, "start", context.Cancellation);
            return await context.FinishAsync(started, Kind.Id(started.Object), context.Value(sync));
        });
        return command.WithExample("fc service run -n web -t 3 -p 80 --sync functionscloud/busybox");
    }
}
