using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using FunctionsCloud.LocalHost.Discovery;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>
/// Runs a function method: static, or on an instance of its class created per invocation from the invocation's
/// DI scope (as the worker does), with the bound arguments, and awaits what it returns.
/// </summary>
public static class FunctionInvoker
{
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    /// <summary>Binds the arguments, invokes the function and returns its (awaited) result.</summary>
    /// <remarks>Completes synchronously as far as the function does; orchestrators depend on that.</remarks>
    public static async Task<object?> InvokeAsync(LocalFunctionContext context, object? triggerValue)
    {
        var arguments = await ParameterBinder.BindAsync(context, triggerValue);
        var method = context.Function.Method;
        var instance = method.IsStatic ? null : CreateInstance(method.DeclaringType!, context.InstanceServices);
        try
        {
            return await AwaitableResult.UnwrapAsync(Invoke(method, instance, arguments), method.ReturnType);
        }
        finally
        {
            // Instances made by ActivatorUtilities are not tracked by the scope, so dispose them here.
            if (instance is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else if (instance is IDisposable disposable)
                disposable.Dispose();
        }
    }

    private static object CreateInstance(Type type, IServiceProvider services) =>
        Factories.GetOrAdd(type, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(services, null);

    private static object? Invoke(MethodInfo method, object? instance, object?[] arguments)
    {
        try
        {
            return method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw; // unreachable
        }
    }

    /// <summary>Invokes with a fresh DI scope, for triggers that are not HTTP requests (timers, queues, activities).</summary>
    public static async Task<object?> InvokeInNewScopeAsync(
        DiscoveredFunction function, IServiceProvider rootServices, object? triggerValue, LocalBindingContext? bindingContext, CancellationToken cancellationToken)
    {
        await using var scope = rootServices.CreateAsyncScope();
        var context = new LocalFunctionContext(function, scope.ServiceProvider, bindingContext, cancellationToken);
        return await InvokeAsync(context, triggerValue);
    }
}
