using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

/// <summary>Rejects HTTP requests without an X-Api-Key header with 401 and does not call the function.</summary>
public sealed class RequireApiKeyMiddleware : IFunctionsWorkerMiddleware
{
    public const string Header = "X-Api-Key";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is not null && !http.Request.Headers.ContainsKey(Header))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsJsonAsync(new { title = "Unauthorized" });
            return;
        }

        await next(context);
    }
}
