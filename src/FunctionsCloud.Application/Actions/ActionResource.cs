using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Actions;

/// <summary>
/// An action in Docker Cloud's shape. Its log is not a field (the clients' Action objects have a logs() method that
/// such a field would hide): it is read at <c>.../action/&lt;uuid&gt;/logs/</c>.
/// </summary>
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
    string UserAgent,
    string Location,
    string Body,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    string State,
    bool IsUserAction,
    bool CanBeCanceled,
    bool CanBeRetried)
{
    public static ActionResource From(ActionRecord a) => new(
        a.Uuid, Uris.Action(a.Uuid), a.Object, a.Action, a.Method, a.Path, a.User, a.ApiKeyLabel, a.Ip, a.UserAgent, a.Location, a.Body,
        a.StartDate, a.EndDate, ApiNames.Of(a.State), a.IsUserAction, a.CanBeCanceled, a.CanBeRetried);
}
