using FunctionsCloud.Application.Commands;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Commands;

/// <summary>/api/audit/v1/poison/: the command messages that failed all their retries, without their credentials.</summary>
public sealed class PoisonCommandFunctions(PoisonCommands poison)
{
    [Function("ListPoisonCommands")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/poison")] HttpRequest request)
    {
        var list = request.ListRequest(PoisonCommands.FilterableFields);
        return ApiResults.List(request, list, await poison.ListAsync(request.Caller(), list, request.HttpContext.RequestAborted));
    }
}
