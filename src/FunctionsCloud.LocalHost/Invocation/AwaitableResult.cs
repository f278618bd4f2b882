using System.Collections.Concurrent;
using System.Reflection;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>Turns what a function method returned (a value, Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;) into its result.</summary>
public static class AwaitableResult
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo> ResultProperties = new();
    private static readonly ConcurrentDictionary<Type, MethodInfo> AsTaskMethods = new();

    /// <summary>The type a caller eventually gets: T for Task&lt;T&gt;/ValueTask&lt;T&gt;, void for Task/ValueTask.</summary>
    public static Type ResultType(Type declaredReturnType)
    {
        if (declaredReturnType == typeof(Task) || declaredReturnType == typeof(ValueTask))
            return typeof(void);
        if (declaredReturnType.IsGenericType
            && (declaredReturnType.GetGenericTypeDefinition() == typeof(Task<>) || declaredReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return declaredReturnType.GetGenericArguments()[0];
        return declaredReturnType;
    }

    // No ConfigureAwait(false) here on purpose: orchestrator continuations must stay on the Durable Task scheduler.
    public static async Task<object?> UnwrapAsync(object? returned, Type declaredReturnType)
    {
        switch (returned)
        {
            case null:
                return null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case Task task:
                await task;
                return ResultType(declaredReturnType) == typeof(void) ? null : ResultProperty(task.GetType()).GetValue(task);
        }

        var type = returned.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var task = (Task)AsTask(type).Invoke(returned, null)!;
            await task;
            return ResultProperty(task.GetType()).GetValue(task);
        }

        return returned;
    }

    private static PropertyInfo ResultProperty(Type taskType) =>
        ResultProperties.GetOrAdd(taskType, t => t.GetProperty(nameof(Task<object>.Result))!);

    private static MethodInfo AsTask(Type valueTaskType) =>
        AsTaskMethods.GetOrAdd(valueTaskType, t => t.GetMethod(nameof(ValueTask<object>.AsTask))!);
}
