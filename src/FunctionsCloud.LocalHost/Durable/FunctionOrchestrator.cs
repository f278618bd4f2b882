using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Invocation;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// Runs an [OrchestrationTrigger] function as a Durable Task SDK orchestrator. Everything here stays synchronous
/// apart from awaiting the function itself: an orchestrator may not leave the orchestration thread.
/// </summary>
public sealed class FunctionOrchestrator(DiscoveredFunction function, IServiceProvider services) : ITaskOrchestrator
{
    /// <summary>A declared input parameter's type, else object (the function reads it with GetInput&lt;T&gt;()).</summary>
    public Type InputType { get; } = DurableSignatures.OrchestratorInputType(function.Method) ?? typeof(object);

    public Type OutputType { get; } = DurableSignatures.OutputType(function.Method);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var wrapper = new FunctionOrchestrationContext(context, input, services.GetRequiredService<ILoggerFactory>());
        using var scope = services.CreateScope();
        var functionContext = new LocalFunctionContext(function, scope.ServiceProvider);
        return await FunctionInvoker.InvokeAsync(functionContext, wrapper);
    }
}
