using FunctionsCloud.Application.Accounts;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.EventStream;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Concurrency;
using FunctionsCloud.Storage.Entities;
using FunctionsCloud.Storage.Querying;
using Microsoft.AspNetCore.Http;

namespace FunctionsCloud.Functions.Http;

/// <summary>Errors as application/problem+json (RFC 9457), with the offending fields named.</summary>
public sealed record Problem(string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    /// <summary>The problem an exception stands for, or null when it is a fault of ours (500).</summary>
    public static Problem? For(Exception exception) => exception switch
    {
        RequestValidationException e => new Problem("about:blank", "Bad request", 400, e.Message,
            e.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray())),
        UnknownQueryFieldException e => new Problem("about:blank", "Bad request", 400, e.Message),
        AuthenticationFailedException e => new Problem("about:blank", "Unauthorized", 401, e.Message),
        RoleRequiredException e => new Problem("about:blank", "Forbidden", 403, e.Message),
        InstallationAdminRequiredException e => new Problem("about:blank", "Forbidden", 403, e.Message),
        ResourceNotFoundException e => new Problem("about:blank", "Not found", 404, e.Message),
        EventsNoLongerKeptException e => new Problem("about:blank", "Gone", 410, e.Message),
        RateLimitedException e => new Problem("about:blank", "Too many requests", 429, e.Message),
        ResourceConflictException e => new Problem("about:blank", "Conflict", 409, e.Message),
        IllegalTransitionException e => new Problem("about:blank", "Conflict", 409, e.Message),
        ProviderUnreachableException e => new Problem("about:blank", "Bad gateway", 502, e.Message),
        UnsupportedMediaTypeException e => new Problem("about:blank", "Unsupported media type", 415, e.Message),
        ConcurrencyConflictException => new Problem("about:blank", "Conflict", 409, "The object changed while this request was handled; try again."),
        EntityAlreadyExistsException e => new Problem("about:blank", "Conflict", 409, e.Message),
        _ => null,
    };

    public IResult ToResult() => Results.Json(this, ApiJson.Options, ContentType, Status);

    public static IResult Internal() =>
        new Problem("about:blank", "Internal server error", 500, "Something went wrong on our side; it has been logged.").ToResult();
}
