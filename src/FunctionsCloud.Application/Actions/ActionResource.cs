using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Actions;

public sealed record ActionResource(
    Guid Uuid,
    string ResourceUri,
    string Object,
    string Action,
    string Method,
    string Path,
    string User,
    string? ApiKeyLabel,
    string Ip,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    string State,
    string Logs,
    bool IsUserAction,
    bool CanBeCanceled,
    bool CanBeRetried)
{
    public static ActionResource From(ActionRecord a) => new(
        a.Uuid, Uris.Action(a.Uuid), a.Object, a.Action, a.Method, a.Path, a.User, a.ApiKeyLabel, a.Ip, a.StartDate, a.EndDate,
        ApiNames.Of(a.State), a.Logs, a.IsUserAction, a.CanBeCanceled, a.CanBeRetried);
}
