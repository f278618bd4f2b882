using System.Globalization;
using System.Reflection;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Functions.Middleware;

/// <summary>Turns what HTTP functions throw into problem+json, so that functions only throw and never format errors.</summary>
public sealed class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception thrown) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            var exception = Unwrap(thrown);
            var problem = Problem.For(exception);
            if (problem is null)
                logger.LogError(exception, "Function {Function} failed.", context.FunctionDefinition.Name);
            if (problem?.Status == 401 && !FromScript(http.Request))
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"FunctionsCloud\"";
            if (exception is RateLimitedException limited)
                http.Response.Headers.RetryAfter = Math.Ceiling(limited.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await (problem?.ToResult() ?? Problem.Internal()).ExecuteAsync(http);
        }
    }

    /// <summary>
    /// A page's script (the dashboard) says so as browsers' XHR convention has it; it gets no Basic challenge, which
    /// would make the browser ask for credentials in a dialog of its own instead of the page's sign-in.
    /// </summary>
    private static bool FromScript(Microsoft.AspNetCore.Http.HttpRequest request) =>
        string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.OrdinalIgnoreCase);

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
