using System.Reflection;
using FunctionsCloud.LocalHost.Configuration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Extensions.Configuration;

namespace FunctionsCloud.LocalHost.Discovery;

/// <summary>
/// Finds the [Function] methods of an assembly and classifies them by the trigger attribute on one of their
/// parameters, resolving %Setting% references from configuration as the Functions host does at startup.
/// </summary>
public static class FunctionDiscovery
{
    private const BindingFlags FunctionMethods = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<DiscoveredFunction> Discover(Assembly assembly, IConfiguration configuration)
    {
        var functions = new List<DiscoveredFunction>();
        foreach (var type in LoadableTypes(assembly).Where(t => t.IsClass && !t.IsGenericTypeDefinition))
        {
            foreach (var method in type.GetMethods(FunctionMethods))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
                    functions.Add(Classify(function.Name, method, configuration));
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"More than one method is named function '{duplicate.Key}'.");

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static DiscoveredFunction Classify(string name, MethodInfo method, IConfiguration configuration)
    {
        foreach (var parameter in method.GetParameters())
        {
            foreach (var attribute in parameter.GetCustomAttributes())
            {
                FunctionTrigger? trigger = attribute switch
                {
                    HttpTriggerAttribute http => new HttpTriggerBinding(
                        (http.Route ?? name).Trim('/'),
                        [.. (http.Methods ?? []).Select(m => m.ToUpperInvariant())]),
                    TimerTriggerAttribute timer => new TimerTriggerBinding(
                        AppSettingResolver.Resolve(timer.Schedule, configuration, name), timer.RunOnStartup),
                    QueueTriggerAttribute queue => new QueueTriggerBinding(
                        AppSettingResolver.Resolve(queue.QueueName, configuration, name), queue.Connection ?? "AzureWebJobsStorage"),
                    OrchestrationTriggerAttribute => new OrchestrationTriggerBinding(),
                    ActivityTriggerAttribute => new ActivityTriggerBinding(parameter.ParameterType),
                    TriggerBindingAttribute other => new UnsupportedTriggerBinding(other.GetType().Name),
                    _ => null,
                };
                if (trigger is not null)
                    return new DiscoveredFunction(name, method, trigger, parameter);
            }
        }

        return new DiscoveredFunction(name, method, new UnsupportedTriggerBinding("no trigger"), null);
    }

    // A test assembly may reference types that fail to load; skip those rather than fail discovery.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }
}
