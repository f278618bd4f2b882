using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Application.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>What the command queue's function and the poison listing use.</summary>
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
        return services;
    }
}
