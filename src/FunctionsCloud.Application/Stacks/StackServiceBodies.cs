using System.Text.Json;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Stacks;

/// <summary>The services of a JSON stack body, each read as a service create body; problems named <c>services[i].field</c>.</summary>
public static class StackServiceBodies
{
    public static IReadOnlyList<CreateServiceRequest?>? Read(IReadOnlyList<JsonElement>? bodies)
    {
        if (bodies is null)
            return null;
        var problems = new List<ValidationError>();
        var requests = new List<CreateServiceRequest?>();
        for (var i = 0; i < bodies.Count; i++)
        {
            try
            {
                requests.Add(RequestBody.Parse<CreateServiceRequest>(JsonSerializer.SerializeToUtf8Bytes(bodies[i])));
            }
            catch (RequestValidationException invalid)
            {
                problems.AddRange(invalid.Errors.Select(e => new ValidationError($"services[{i}].{e.Field}", e.Message)));
            }
        }

        return problems.Count > 0 ? throw new RequestValidationException(problems) : requests;
    }
}
