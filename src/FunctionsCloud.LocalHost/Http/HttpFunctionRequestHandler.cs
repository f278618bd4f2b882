using FunctionsCloud.LocalHost.Discovery;
using FunctionsCloud.LocalHost.Invocation;
using FunctionsCloud.LocalHost.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.LocalHost.Http;

/// <summary>
/// Serves one request to an HTTP function: a FunctionContext carrying the HttpContext, the worker middleware
/// around the function, then the function's result written out (after the middleware, as the real host does).
/// </summary>
public sealed class HttpFunctionRequestHandler(WorkerMiddlewarePipeline pipeline, ILogger<HttpFunctionRequestHandler> logger)
{
    public async Task HandleAsync(HttpContext http, DiscoveredFunction function)
    {
        // The request's DI scope is the invocation's scope, so HttpContext.RequestServices == FunctionContext.InstanceServices.
        var context = new LocalFunctionContext(
            function, http.RequestServices, new LocalBindingContext(HttpBindingData.From(http.Request)), http.RequestAborted);
        context.Items[LocalFunctionContext.HttpContextItemKey] = http;
        try
        {
            await pipeline.RunAsync(context, InvokeFunctionAsync);
            if (context.FunctionInvoked)
                await HttpResultWriter.WriteAsync(http, context.InvocationResult);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("Request to function {Function} was aborted by the client.", function.Name);
        }
        catch (BadHttpRequestException e)
        {
            await WriteErrorAsync(http, ProblemResponses.BadRequest(e.Message));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Function {Function} failed (invocation {InvocationId}, request {TraceIdentifier}).", function.Name, context.InvocationId, http.TraceIdentifier);
            await WriteErrorAsync(http, ProblemResponses.InternalError(function.Name, http.TraceIdentifier));
        }
    }

    private static async Task InvokeFunctionAsync(FunctionContext functionContext)
    {
        var context = (LocalFunctionContext)functionContext;
        try
        {
            context.InvocationResult = await FunctionInvoker.InvokeAsync(context, triggerValue: null);
        }
        catch (BindingValueException e)
        {
            // A route value of the wrong shape (e.g. not a Guid) names no resource: 404, not a server error.
            context.InvocationResult = ProblemResponses.NotFound(e.Message);
        }

        context.FunctionInvoked = true;
    }

    private async Task WriteErrorAsync(HttpContext http, IResult problem)
    {
        if (http.Response.HasStarted)
        {
            logger.LogWarning("The response to {Path} had started; the error response could not be written.", http.Request.Path);
            http.Abort();
            return;
        }

        http.Response.Clear();
        await problem.ExecuteAsync(http);
    }
}
