using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Actions;

namespace FunctionsCloud.Application.Operations;

/// <summary>The action that records an operation: who asked, how, on what, and whether it may be canceled.</summary>
public static class OperationActions
{
    public static ActionRecord New(
        Caller caller, RequestInfo request, Guid uuid, string objectUri, string name, DateTimeOffset at, bool canBeCanceled, bool isUserAction = true) => new()
    {
        Uuid = uuid,
        Namespace = caller.Namespace,
        Object = objectUri,
        Action = name,
        Method = request.Method,
        Path = request.Path,
        User = caller.User,
        ApiKeyLabel = caller.KeyLabel,
        Ip = request.Ip,
        UserAgent = ActionBody.Cut(request.UserAgent, ActionBody.MaxUserAgentLength),
        Body = ActionBody.Redact(request.Body),
        StartDate = at,
        CanBeCanceled = canBeCanceled,
        IsUserAction = isUserAction,
    };
}
