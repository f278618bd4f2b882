using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Functions.Authorization;
using FunctionsCloud.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FunctionsCloud.Functions.Middleware;

/// <summary>
/// Every API path (under /api/) needs an API key, except the agents' endpoints, which check their own tokens and
/// node secrets, and trigger calls, whose URL's secret is the credential. Paths outside /api/ are the dashboard's
/// files, which are public (the sign-in page; no data). Failures throw, and <see cref="ProblemDetailsMiddleware"/> answers 401, or 403 when the key's role is
/// weaker than <see cref="RouteRoles"/> says the function needs. An authenticated request's body is kept for the actions
/// it may start.
/// </summary>
public sealed class ApiKeyAuthenticationMiddleware(ApiKeyAuthenticator authenticator) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && ApiPath.Contains(http.Request.Path)
            && !http.Request.Path.StartsWithSegments(AgentRoutes.Prefix.TrimEnd('/'))
            && !http.Request.Path.StartsWithSegments(TriggerUris.CallPrefix))
        {
            var caller = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.FirstOrDefault(), http.RequestAborted);
            RouteRoles.Demand(context.FunctionDefinition.Name, caller, http.Request);
            http.SetCaller(caller);
            await http.Request.CaptureBodyAsync();
        }

        await next(context);
    }
}
