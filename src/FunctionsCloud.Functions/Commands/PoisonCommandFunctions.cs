using FunctionsCloud.Application.Commands;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Commands;

/// <summary>/api/audit/v1/poison/: the command messages that failed all their retries, without their credentials.</summary>
public sealed class PoisonCommandFunctions(PoisonCommands poison)
{
    [Function("ListPoisonCommands")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit/v1/poison")] HttpRequest request) =>
        request.ListAsync(PoisonCommands.FilterableFields, poison.ListAsync);
}
