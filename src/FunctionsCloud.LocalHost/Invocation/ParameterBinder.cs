using System.Reflection;
using System.Text.Json;
using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Durable;
using FunctionsCloud.LocalHost.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>
/// Supplies a function's arguments the way the isolated worker binds them: the trigger value, the FunctionContext,
/// the durable client, the cancellation token, the HTTP request, [FromBody] and binding data (route values) by name.
/// </summary>
/// <remarks>Completes synchronously unless a request body is read, which orchestrators rely on (no await may leave their thread).</remarks>
public static class ParameterBinder
{
    public static async ValueTask<object?[]> BindAsync(LocalFunctionContext context, object? triggerValue)
    {
        var parameters = context.Function.Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            arguments[i] = IsFromBody(parameter) && context.HttpContext is { } http
                ? await ReadBodyAsync(http, parameter)
                : Bind(context, parameter, triggerValue);
        }

        return arguments;
    }

    private static object? Bind(LocalFunctionContext context, ParameterInfo parameter, object? triggerValue)
    {
        var type = parameter.ParameterType;
        if (IsTrigger(parameter, context.Function.TriggerParameter))
            return BindTrigger(context, parameter, triggerValue);
        if (type == typeof(FunctionContext))
            return context;
        if (type == typeof(CancellationToken))
            return context.CancellationToken;
        if (typeof(DurableTaskClient).IsAssignableFrom(type))
        {
            return context.InstanceServices.GetService<DurableTaskClient>()
                ?? throw new InvalidOperationException($"Function '{context.Function.Name}' wants a DurableTaskClient but the durable backend is not running.");
        }

        if (type == typeof(HttpRequest) && context.HttpContext is { } request)
            return request.Request;
        if (type == typeof(HttpContext) && context.HttpContext is { } http)
            return http;
        if (type == typeof(ILogger))
            return context.InstanceServices.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{context.Function.Name}");
        if (triggerValue is FunctionOrchestrationContext orchestration && !type.IsAssignableFrom(typeof(TaskOrchestrationContext)))
            return orchestration.GetInput(type); // the orchestrator's input as a parameter, as the worker allows

        if (context.BindingContext.BindingData.TryGetValue(parameter.Name!, out var value))
        {
            try
            {
                return ValueConverter.Convert(value, type);
            }
            catch (FormatException e)
            {
                throw new BindingValueException(parameter.Name!, type, e);
            }
        }

        if (parameter.HasDefaultValue)
            return parameter.DefaultValue;
        if (context.HttpContext is not null && (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null))
            return null; // an optional route value that is absent
        throw new InvalidOperationException(
            $"Parameter '{parameter.Name}' ({type.Name}) of function '{context.Function.Name}' cannot be bound by the local host.");
    }

    /// <summary>
    /// By position, not by reference: reflection's caches are weakly held, so after a garbage collection the same
    /// parameter can come back as a different ParameterInfo object.
    /// </summary>
    private static bool IsTrigger(ParameterInfo parameter, ParameterInfo? trigger) =>
        trigger is not null && parameter.Position == trigger.Position
        && parameter.Member.MetadataToken == trigger.Member.MetadataToken && parameter.Member.Module == trigger.Member.Module;

    private static object? BindTrigger(LocalFunctionContext context, ParameterInfo parameter, object? triggerValue)
    {
        var type = parameter.ParameterType;
        switch (context.Function.Trigger)
        {
            case HttpTriggerBinding:
                var http = context.HttpContext ?? throw new InvalidOperationException("An HTTP function was invoked without an HttpContext.");
                if (type == typeof(HttpRequest))
                    return http.Request;
                if (type == typeof(HttpContext))
                    return http;
                throw new NotSupportedException(
                    $"Function '{context.Function.Name}' binds its HTTP trigger to {type.Name}; the local host supports HttpRequest (ASP.NET Core integration).");
            case QueueTriggerBinding when triggerValue is QueueTriggerValue queued:
                if (type.IsInstanceOfType(queued.Message))
                    return queued.Message;
                try
                {
                    return ValueConverter.Convert(queued.Body, type);
                }
                catch (FormatException e)
                {
                    throw new BindingValueException(parameter.Name!, type, e);
                }

            default:
                return ValueConverter.Convert(triggerValue, type);
        }
    }

    private static bool IsFromBody(ParameterInfo parameter) =>
        parameter.GetCustomAttributes().Any(a => a.GetType().Name == "FromBodyAttribute");

    private static async ValueTask<object?> ReadBodyAsync(HttpContext http, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(string))
        {
            using var reader = new StreamReader(http.Request.Body);
            return await reader.ReadToEndAsync(http.RequestAborted);
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(http.Request.Body, parameter.ParameterType, WorkerJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"The request body is not a valid {parameter.ParameterType.Name}: {e.Message}", e);
        }
    }
}
