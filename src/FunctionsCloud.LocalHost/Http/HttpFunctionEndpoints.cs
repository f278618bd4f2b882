using FunctionsCloud.LocalHost.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.LocalHost.Http;

/// <summary>Maps every HTTP function to an endpoint under the host.json route prefix, with its route and methods.</summary>
public static class HttpFunctionEndpoints
{
    public static void Map(WebApplication endpoints, IEnumerable<DiscoveredFunction> functions, string routePrefix)
    {
        // Routing answers a path whose functions take other methods with an empty 405: say so as the API does.
        endpoints.UseStatusCodePages(context => context.HttpContext.Response.StatusCode == StatusCodes.Status405MethodNotAllowed
            ? ProblemResponses.MethodNotAllowed($"{context.HttpContext.Request.Method} is not allowed here; see the Allow header.").ExecuteAsync(context.HttpContext)
            : Task.CompletedTask);
        foreach (var function in functions)
        {
            if (function.Trigger is not HttpTriggerBinding http)
                continue;

            var pattern = RoutePattern(routePrefix, http.Route);
            RequestDelegate handler = context => context.RequestServices.GetRequiredService<HttpFunctionRequestHandler>().HandleAsync(context, function);
            var endpoint = http.Methods.Count == 0 ? endpoints.Map(pattern, handler) : endpoints.MapMethods(pattern, http.Methods, handler);
            endpoint.WithDisplayName($"Function {function.Name}");
        }
    }

    // Routing matches a trailing slash either way ("/api/a/" and "/api/a" both match "api/a").
    public static string RoutePattern(string routePrefix, string route)
    {
        var prefix = routePrefix.Trim('/');
        var path = route.Trim('/');
        return prefix.Length == 0 ? path : path.Length == 0 ? prefix : $"{prefix}/{path}";
    }
}
