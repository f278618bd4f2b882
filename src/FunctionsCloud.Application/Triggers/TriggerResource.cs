using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Domain.Resources;

namespace FunctionsCloud.Application.Triggers;

/// <summary>
/// A trigger as the API shows it. <see cref="Url"/> holds the secret, so it appears once, in the answer that creates
/// the trigger; everywhere else (lists included) it is null: the secret is kept only as its hash. Docker Cloud showed
/// the URL in every answer, having kept the secret itself.
/// </summary>
public sealed record TriggerResource(
    Guid Uuid,
    string ResourceUri,
    string Service,
    string Name,
    string Operation,
    string? Url,
    DateTimeOffset CreatedDatetime,
    DateTimeOffset? LastCalledDatetime)
{
    public static TriggerResource From(Trigger trigger, string? url = null) => new(
        trigger.Uuid, TriggerUris.Of(trigger.ServiceUuid, trigger.Uuid), ResourceUris.Service(trigger.ServiceUuid), trigger.Name,
        ApiNames.Of(trigger.Operation), url, trigger.CreatedDatetime, trigger.LastCalledDatetime);
}
