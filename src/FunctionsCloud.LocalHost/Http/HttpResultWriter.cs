using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace FunctionsCloud.LocalHost.Http;

/// <summary>
/// Writes what an HTTP function returned, as the ASP.NET Core integration does: IResult and IActionResult execute
/// themselves, a string is text, another object is JSON, and nothing leaves the response as the function left it.
/// </summary>
public static class HttpResultWriter
{
    public static async Task WriteAsync(HttpContext http, object? result)
    {
        switch (result)
        {
            case null:
                return;
            case IResult minimal:
                await minimal.ExecuteAsync(http);
                return;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                return;
            case string text:
                http.Response.ContentType ??= "text/plain; charset=utf-8";
                await http.Response.WriteAsync(text, http.RequestAborted);
                return;
            default:
                await http.Response.WriteAsJsonAsync(result, result.GetType(), Invocation.WorkerJson.Options, http.RequestAborted);
                return;
        }
    }
}
