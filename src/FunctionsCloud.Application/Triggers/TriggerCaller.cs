using System.Globalization;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Accounts;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Triggers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Triggers;

/// <summary>
/// Performs a trigger's operation for whoever holds its URL: the service's own redeploy or scale, as the trigger's
/// creator in the trigger's namespace, recorded with method TRIGGER. Unknown, revoked and malformed secrets, and
/// triggers whose creator may no longer run operations there (<see cref="NamespaceAccess.MayOperateAsync"/>), are all
/// the same 404; a refusal (404, 400, 413, 429, or the service's 409) starts nothing and leaves the service as it was.
/// </summary>
public sealed class TriggerCaller(
    ITriggerStore triggers,
    ITriggerSecretIndex secrets,
    ITriggerCallCounter calls,
    ServiceService services,
    NamespaceAccess access,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    public const string Method = "TRIGGER";

    public async Task<(ServiceResource Service, ActionRecord? Action)> CallAsync(TriggerCall call, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var trigger = await FindAsync(call.Secret, cancellationToken);
        // A trigger acts as its creator: once they could no longer run its operation themselves, it is gone for its callers too.
        if (!await access.MayOperateAsync(trigger.CreatedBy, trigger.Namespace, cancellationToken))
            throw NotFound();
        var settings = options.Value;
        var body = await TriggerBodyReader.ReadAsync(call.Body, settings.MaxCommandBytes, cancellationToken);
        var caller = new Caller(trigger.CreatedBy, trigger.Namespace, IsInstallationAdmin: false, Role.Operator); // a trigger redeploys or scales, no more
        var step = ParseStep(call.Steps);
        var target = await TargetAsync(trigger, caller, step, cancellationToken);
        await CountAsync(trigger, settings.TriggerCallsPerMinute, cancellationToken);

        var info = new RequestInfo(Method, TriggerUris.CallRecord(trigger.ServiceUuid, trigger.Uuid, step), call.Ip, call.UserAgent, body);
        // The body travels with the operation it starts, in the write that takes the service's operation slot: a call
        // refused for any reason leaves nothing, and calls at the same moment cannot swap bodies.
        var result = target is { } scaled
            ? await services.PatchAsync(caller, info, trigger.ServiceUuid, new PatchServiceRequest { TargetNumContainers = scaled }, durable, cancellationToken, body)
            : await services.RedeployAsync(caller, info, trigger.ServiceUuid, durable, cancellationToken, body);
        await NoteCallAsync(trigger, clock.GetUtcNow());
        return result;
    }

    private async Task<Trigger> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var address = TriggerSecret.IsWellFormed(secret) ? await secrets.FindAsync(TriggerSecret.Hash(secret), cancellationToken) : null;
        var trigger = address is null ? null : await triggers.GetAsync(address.Namespace, address.Uuid, cancellationToken);
        // The uuid is the trigger's, not the secret: a 404 must not echo the credential.
        return trigger ?? throw NotFound();
    }

    private static ResourceNotFoundException NotFound() => new("trigger", "at this URL");

    /// <summary>For SCALEUP, the target the call raises the service to (by 1, or by the step it names); null for REDEPLOY.</summary>
    private async Task<int?> TargetAsync(Trigger trigger, Caller caller, int? step, CancellationToken cancellationToken)
    {
        if (trigger.Operation != TriggerOperation.ScaleUp)
            return step is null ? null : throw new RequestValidationException("steps", TriggerRules.StepWithoutScaleUp);
        var target = (await services.LoadAsync(caller, trigger.ServiceUuid, cancellationToken)).TargetNumContainers;
        if (TriggerRules.StepProblem(step ?? 1, target, options.Value.MaxContainersPerService) is { } problem)
            throw new RequestValidationException("steps", problem);
        return target + (step ?? 1);
    }

    private int? ParseStep(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step
        : throw new RequestValidationException("steps", $"must be a whole number between 1 and {options.Value.MaxContainersPerService}, was '{text}'.");

    private async Task CountAsync(Trigger trigger, int perMinute, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await calls.TryCountAsync(trigger.Uuid, now, perMinute, cancellationToken))
            throw new TriggerRateLimitedException(RateLimitedException.RestOfMinute(now));
    }

    /// <summary>When the trigger was last called with effect, for its listing; a later call's time stays.</summary>
    private Task NoteCallAsync(Trigger trigger, DateTimeOffset calledAt) =>
        triggers.UpdateAsync(trigger.Namespace, trigger.Uuid, trigger, t =>
        {
            if (t.LastCalledDatetime >= calledAt)
                return false;
            t.LastCalledDatetime = calledAt;
            return true;
        }, CancellationToken.None);
}
