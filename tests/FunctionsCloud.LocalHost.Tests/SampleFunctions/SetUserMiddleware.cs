using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

/// <summary>Sets HttpContext.User from the X-User header, as an authentication middleware would.</summary>
public sealed class SetUserMiddleware : IFunctionsWorkerMiddleware
{
    public const string Header = "X-User";

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && http.Request.Headers.TryGetValue(Header, out var user))
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "test"));
        return next(context);
    }
}
