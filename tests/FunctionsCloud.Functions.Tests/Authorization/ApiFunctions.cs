using System.Reflection;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Triggers;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Tests.Authorization;

/// <summary>Every HTTP function of the app that is called with an API key, as its attributes declare it.</summary>
internal static class ApiFunctions
{
    public sealed record ApiFunction(string Name, IReadOnlyList<string> Methods, string Route)
    {
        public bool Reads => Methods.All(m => m.Equals("get", StringComparison.OrdinalIgnoreCase));

        /// <summary>The route with every parameter filled in with a uuid or a name.</summary>
        public string Path(Guid uuid) => "/" + string.Join('/', Route.Split('/').Select(part =>
            part.StartsWith('{') ? (part.Contains("uuid", StringComparison.Ordinal) ? uuid.ToString() : "local") : part)) + "/";
    }

    public static IReadOnlyList<ApiFunction> All { get; } = typeof(FunctionsCloudWorker).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods())
        .Select(method => (Name: method.GetCustomAttribute<FunctionAttribute>()?.Name, Trigger: method.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(trigger => trigger is not null)))
        .Where(f => f.Name is not null && f.Trigger?.Route is not null)
        .Select(f => new ApiFunction(f.Name!, f.Trigger!.Methods ?? [], f.Trigger.Route!))
        .Where(f => !IsKeyFree(f.Route))
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToList();

    // As the authentication middleware has it: agents bring their own tokens, trigger calls their URL's secret.
    private static bool IsKeyFree(string route) =>
        ("/" + route).StartsWith(AgentRoutes.Prefix, StringComparison.Ordinal) || ("/" + route).StartsWith(TriggerUris.CallPrefix + "/", StringComparison.Ordinal);
}
