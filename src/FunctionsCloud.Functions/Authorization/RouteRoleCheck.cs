using System.Reflection;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;

namespace FunctionsCloud.Functions.Authorization;

/// <summary>
/// At start-up, every HTTP function called with an API key must have its role in <see cref="RouteRoles"/>: a missing
/// one stops the app from starting, naming it, rather than answer its every request with a 500.
/// </summary>
public sealed class RouteRoleCheck : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Unlisted(KeyedFunctions(typeof(RouteRoleCheck).Assembly)) is { Count: > 0 } missing)
            throw new InvalidOperationException($"These functions declare no role in {nameof(RouteRoles)}: {string.Join(", ", missing)}.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static IReadOnlyList<string> Unlisted(IEnumerable<string> functions) =>
        functions.Where(name => !RouteRoles.Needed.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The HTTP functions whose routes the authentication middleware may ask a key for (API paths but the agents' and trigger calls').</summary>
    public static IEnumerable<string> KeyedFunctions(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
        where trigger is not null && NeedsKey("/" + (trigger.Route ?? function.Name))
        select function.Name;

    /// <summary>A catch-all route (the dashboard's) also serves the API paths no other route takes.</summary>
    private static bool NeedsKey(string path) =>
        (ApiPath.Contains(path) || path.StartsWith("/{", StringComparison.Ordinal))
        && !path.StartsWith(AgentRoutes.Prefix, StringComparison.OrdinalIgnoreCase)
        && !path.StartsWith(TriggerUris.CallPrefix + "/", StringComparison.OrdinalIgnoreCase);
}
