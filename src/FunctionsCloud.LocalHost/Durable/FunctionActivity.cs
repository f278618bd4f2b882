using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Invocation;
using Microsoft.DurableTask;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>
/// Runs an [ActivityTrigger] function as a Durable Task SDK activity, with services from the local host's
/// provider (not the Durable Task host's), so activities see the app's real registrations.
/// </summary>
public sealed class FunctionActivity(DiscoveredFunction function, IServiceProvider services) : ITaskActivity
{
    public Type InputType { get; } = ((ActivityTriggerBinding)function.Trigger).InputType is var t && t == typeof(TaskActivityContext) ? typeof(object) : t;

    public Type OutputType { get; } = DurableSignatures.OutputType(function.Method);

    public Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var triggerValue = function.TriggerParameter?.ParameterType == typeof(TaskActivityContext) ? context : input;
        return FunctionInvoker.InvokeInNewScopeAsync(function, services, triggerValue, bindingContext: null, CancellationToken.None);
    }
}
