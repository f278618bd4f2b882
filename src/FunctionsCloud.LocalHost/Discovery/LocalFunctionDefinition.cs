using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Discovery;

/// <summary>
/// FunctionDefinition as middleware sees it: name, entry point and the trigger as an input binding
/// (middleware commonly checks <c>InputBindings</c> for "httpTrigger").
/// </summary>
public sealed class LocalFunctionDefinition : FunctionDefinition
{
    public LocalFunctionDefinition(DiscoveredFunction function)
    {
        Name = function.Name;
        Id = function.Name;
        EntryPoint = $"{function.Method.DeclaringType!.FullName}.{function.Method.Name}";
        PathToAssembly = function.Method.DeclaringType.Assembly.Location;
        Parameters = [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];
        var bindingName = function.TriggerParameter?.Name ?? "trigger";
        InputBindings = ImmutableDictionary<string, BindingMetadata>.Empty
            .Add(bindingName, new LocalBindingMetadata(bindingName, function.Trigger.BindingType, BindingDirection.In));
        OutputBindings = function.Trigger is HttpTriggerBinding
            ? ImmutableDictionary<string, BindingMetadata>.Empty.Add("$return", new LocalBindingMetadata("$return", "http", BindingDirection.Out))
            : ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    public override ImmutableArray<FunctionParameter> Parameters { get; }

    public override string PathToAssembly { get; }

    public override string EntryPoint { get; }

    public override string Id { get; }

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }
}
