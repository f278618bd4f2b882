using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Discovery;

/// <summary>A [Function] method and how it is triggered.</summary>
public sealed class DiscoveredFunction
{
    public DiscoveredFunction(string name, MethodInfo method, FunctionTrigger trigger, ParameterInfo? triggerParameter)
    {
        Name = name;
        Method = method;
        Trigger = trigger;
        TriggerParameter = triggerParameter;
        Definition = new LocalFunctionDefinition(this);
    }

    public string Name { get; }

    public MethodInfo Method { get; }

    public FunctionTrigger Trigger { get; }

    /// <summary>The parameter carrying the trigger attribute, which receives the trigger's value.</summary>
    public ParameterInfo? TriggerParameter { get; }

    /// <summary>The worker's view of this function, for FunctionContext.FunctionDefinition.</summary>
    public FunctionDefinition Definition { get; }

    public override string ToString() => $"{Name} [{Trigger.BindingType}] {Trigger.Describe()}";
}
