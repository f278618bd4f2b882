using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.LocalHost.Middleware;

/// <summary>
/// The worker's middleware chain around a function, outermost first. Each middleware is resolved from the
/// invocation's services (registered as singletons, as <c>UseMiddleware&lt;T&gt;()</c> does); one that does not
/// call <c>next</c> short-circuits the function.
/// </summary>
public sealed class WorkerMiddlewarePipeline
{
    private readonly IReadOnlyList<Type> _middlewareTypes;

    public WorkerMiddlewarePipeline(IReadOnlyList<Type> middlewareTypes)
    {
        foreach (var type in middlewareTypes)
        {
            if (!typeof(IFunctionsWorkerMiddleware).IsAssignableFrom(type) || type.IsAbstract)
                throw new ArgumentException($"{type.FullName} is not a concrete {nameof(IFunctionsWorkerMiddleware)}.", nameof(middlewareTypes));
        }

        _middlewareTypes = middlewareTypes;
    }

    public IReadOnlyList<Type> MiddlewareTypes => _middlewareTypes;

    public Task RunAsync(FunctionContext context, FunctionExecutionDelegate function)
    {
        var next = function;
        for (var i = _middlewareTypes.Count - 1; i >= 0; i--)
        {
            var type = _middlewareTypes[i];
            var inner = next;
            next = ctx => ((IFunctionsWorkerMiddleware)ctx.InstanceServices.GetRequiredService(type)).Invoke(ctx, inner);
        }

        return next(context);
    }
}
