using System.Reflection;
using FunctionsCloud.Functions;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>One HTTP function of the app: its name, a method it takes and its route template, as its attributes say.</summary>
public sealed record HttpRoute(string Function, HttpMethod Method, string Template)
{
    /// <summary>Every HTTP function of the function app, one entry per method, found the way the hosts find them.</summary>
    public static IReadOnlyList<HttpRoute> All { get; } = typeof(FunctionsCloudWorker).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods())
        .Select(method => (Function: method.GetCustomAttribute<FunctionAttribute>()?.Name, Trigger: method.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(trigger => trigger is not null)))
        .Where(f => f.Function is not null && f.Trigger is not null)
        .SelectMany(f => (f.Trigger!.Methods ?? ["get"]).Select(m => new HttpRoute(f.Function!, new HttpMethod(m.ToUpperInvariant()), f.Trigger.Route ?? f.Function!)))
        .OrderBy(r => r.Function, StringComparer.Ordinal).ThenBy(r => r.Method.Method, StringComparer.Ordinal)
        .ToList();

    /// <summary>The names of the template's parameters, in order (<c>{*path}</c> gives <c>path</c>).</summary>
    public IReadOnlyList<string> Parameters { get; } = Template.Split('/')
        .Where(s => s.StartsWith('{') && s.EndsWith('}'))
        .Select(s => s.Trim('{', '}', '*'))
        .ToList();

    public bool IsRead => Method == HttpMethod.Get;

    public override string ToString() => $"{Method} {Template} ({Function})";
}
