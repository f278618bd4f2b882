using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

public sealed record WidgetBody(int Size);

/// <summary>HTTP functions as the app writes them: ASP.NET Core integration, route parameters, IResult and IActionResult.</summary>
public sealed class WidgetHttpFunctions
{
    [Function("GetWidget")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "widgets/{id}")] HttpRequest request, Guid id) =>
        Results.Ok(new { id, user = request.HttpContext.User.Identity?.Name });

    [Function("CreateWidget")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "widgets/{name}")] HttpRequest request, string name, FunctionContext context)
    {
        var body = await request.ReadFromJsonAsync<WidgetBody>(context.CancellationToken);
        return new ObjectResult(new { name, size = body!.Size, function = context.FunctionDefinition.Name }) { StatusCode = StatusCodes.Status201Created };
    }

    [Function("StartWidgetJob")]
    public static IActionResult StartJob([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "widgets/{id:guid}/jobs")] HttpRequest request, Guid id)
    {
        request.HttpContext.Response.Headers["X-Job-Id"] = $"job-{id:N}";
        return new AcceptedResult($"/api/widgets/{id}/jobs/1", new { id });
    }

    [Function("ListNodeClusters")]
    public static IResult ListClusters([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "infra/v1/nodecluster")] HttpRequest request) =>
        Results.Ok(new { objects = Array.Empty<object>() });

    [Function("Page")]
    public static IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/{number:int}")] HttpRequest request, int number, string? sort) =>
        Results.Ok(new { number, sort });

    [Function("Explode")]
    public static Task Explode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "explode")] HttpRequest request) =>
        throw new InvalidOperationException("The widget exploded.");
}
