using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Which failures of a command are final: the ones an HTTP call would answer with a 4xx (bad input, bad credential,
/// unknown object, conflicting state). Anything else (storage errors, timeouts) is transient and retried.
/// </summary>
public static class CommandRefusals
{
    public static string? ReasonFor(Exception exception) => exception switch
    {
        CommandRejectedException or RequestValidationException or AuthenticationFailedException
            or ResourceNotFoundException or ResourceConflictException or IllegalTransitionException => exception.Message,
        _ => null,
    };
}
