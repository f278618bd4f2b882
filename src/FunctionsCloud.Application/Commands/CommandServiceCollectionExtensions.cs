using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Application.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>What the command queue's function, the poison listing and the receipt sweep use.</summary>
    public static IServiceCollection AddCommandQueue(this IServiceCollection services)
    {
        services.TryAddSingleton<CommandLedger>();
        services.TryAddSingleton<CommandTargets>();
        services.TryAddSingleton<CommandExecutor>();
        services.TryAddSingleton<StartedCommandActions>();
        services.TryAddSingleton<RejectedCommandActions>();
        services.TryAddSingleton<CommandReplies>();
        services.TryAddSingleton<CompletionReplies>();
        services.TryAddSingleton<CommandProcessor>();
        services.TryAddSingleton<PoisonCommands>();
        services.TryAddSingleton<CommandReceiptSweeper>();
        return services;
    }
}
