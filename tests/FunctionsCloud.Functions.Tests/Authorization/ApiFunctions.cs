using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Testing.BadInput;

namespace FunctionsCloud.Functions.Tests.Authorization;

/// <summary>Every HTTP function of the app that is called with an API key, with its methods and route.</summary>
internal static class ApiFunctions
{
    public sealed record ApiFunction(string Name, IReadOnlyList<string> Methods, string Route)
    {
        public bool Reads => Methods.All(m => m == HttpMethod.Get.Method);

        /// <summary>The route with every parameter filled in with a uuid or a name.</summary>
        public string Path(Guid uuid) => "/" + string.Join('/', Route.Split('/').Select(part =>
            part.StartsWith('{') ? (part.Contains("uuid", StringComparison.Ordinal) ? uuid.ToString() : "local") : part)) + "/";
    }

    public static IReadOnlyList<ApiFunction> All { get; } = HttpRoute.All
        .Where(route => !IsKeyFree(route.Template))
        .GroupBy(route => route.Function)
        .Select(routes => new ApiFunction(routes.Key, routes.Select(r => r.Method.Method).ToList(), routes.First().Template))
        .ToList();

    // As the authentication middleware has it: agents bring their own tokens, trigger calls their URL's secret.
    private static bool IsKeyFree(string route) =>
        ("/" + route).StartsWith(AgentRoutes.Prefix, StringComparison.Ordinal) || ("/" + route).StartsWith(TriggerUris.CallPrefix + "/", StringComparison.Ordinal);
}
