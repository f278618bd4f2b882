using System.Reflection;
using FunctionsCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsCloud.LocalHost.Durable;

/// <summary>Reads the durable input and output types from a function's signature.</summary>
public static class DurableSignatures
{
    public static Type OutputType(MethodInfo method) => AwaitableResult.ResultType(method.ReturnType) is var t && t == typeof(void) ? typeof(object) : t;

    /// <summary>The type of an orchestrator's input parameter (one that is not the context or a service), if it has one.</summary>
    public static Type? OrchestratorInputType(MethodInfo method) => method.GetParameters()
        .Where(p => !typeof(TaskOrchestrationContext).IsAssignableFrom(p.ParameterType)
                    && p.ParameterType != typeof(FunctionContext)
                    && p.ParameterType != typeof(CancellationToken)
                    && p.ParameterType != typeof(Microsoft.Extensions.Logging.ILogger))
        .Select(p => p.ParameterType)
        .FirstOrDefault();
}
