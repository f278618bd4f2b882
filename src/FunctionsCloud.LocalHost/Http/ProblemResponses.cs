using Microsoft.AspNetCore.Http;

namespace FunctionsCloud.LocalHost.Http;

/// <summary>Error responses as application/problem+json, like the rest of the API.</summary>
public static class ProblemResponses
{
    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);

    public static IResult MethodNotAllowed(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method Not Allowed", detail: detail);

    public static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: detail);

    public static IResult InternalError(string functionName, string traceIdentifier) => Results.Problem(
        statusCode: StatusCodes.Status500InternalServerError,
        title: "Internal Server Error",
        detail: $"Function '{functionName}' failed. See the host log for request {traceIdentifier}.");
}
