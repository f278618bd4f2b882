using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Triggers;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Triggers;

/// <summary>
/// The triggers of a service: created with a URL whose secret is shown once and stored hashed, listed and read
/// without it, deleted (which revokes the URL). Every refusal happens before anything is written.
/// </summary>
public sealed class TriggerService(
    ITriggerStore triggers,
    ITriggerSecretIndex secrets,
    ITriggerCallCounter calls,
    IServiceStore services,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    /// <summary>The service is the path's, not a filter.</summary>
    public IReadOnlySet<string> FilterableFields { get; } = triggers.QueryableFields.Where(f => f != ITriggerStore.ServiceField).ToHashSet(StringComparer.Ordinal);

    public async Task<TriggerResource> CreateAsync(Caller caller, Guid serviceUuid, CreateTriggerRequest request, CancellationToken cancellationToken)
    {
        var service = await services.GetAsync(caller.Namespace, serviceUuid, cancellationToken) ?? throw ServiceNotFound(serviceUuid);
        if (!service.IsLive)
            throw new ResourceConflictException($"The service is {ApiNames.Of(service.State)}: a trigger could never act on it.");
        var validator = TriggerRules.Check(new Validator(), request.Name, request.Operation);
        validator.ThrowIfInvalid();
        var operation = request.Operation is { } named ? ApiNames.Parse<TriggerOperation>(named) : TriggerRules.DefaultOperation;
        if (TriggerRules.ServiceProblem(operation, service.DeploymentStrategy) is { } problem)
            throw new RequestValidationException("operation", problem);

        var secret = TriggerSecret.New();
        var trigger = new Trigger
        {
            Uuid = Guid.NewGuid(),
            Namespace = caller.Namespace,
            ServiceUuid = serviceUuid,
            Name = request.Name!,
            Operation = operation,
            SecretHash = TriggerSecret.Hash(secret),
            CreatedBy = caller.User,
            CreatedDatetime = clock.GetUtcNow(),
        };
        await triggers.CreateAsync(trigger, cancellationToken);
        await secrets.AddAsync(trigger.SecretHash, new TriggerAddress(trigger.Namespace, trigger.Uuid), cancellationToken);
        return TriggerResource.From(trigger, options.Value.PublicUrl.TrimEnd('/') + TriggerUris.Call(secret));
    }

    public async Task<(IReadOnlyList<TriggerResource> Items, int Total)> ListAsync(
        Caller caller, Guid serviceUuid, ListRequest request, CancellationToken cancellationToken)
    {
        _ = await services.GetAsync(caller.Namespace, serviceUuid, cancellationToken) ?? throw ServiceNotFound(serviceUuid);
        var query = request.ToQuery().Where(ITriggerStore.ServiceField, serviceUuid.ToString("D"));
        var page = await triggers.ListAsync(caller.Namespace, query, request.Offset, request.Limit, cancellationToken);
        return (page.Items.Select(t => TriggerResource.From(t)).ToList(), page.TotalCount);
    }

    public async Task<TriggerResource> GetAsync(Caller caller, Guid serviceUuid, Guid uuid, CancellationToken cancellationToken) =>
        TriggerResource.From(await LoadAsync(caller, serviceUuid, uuid, cancellationToken));

    /// <summary>Revokes the URL first, so that no call gets through once the answer is out; its counts go last.</summary>
    public async Task<TriggerResource> DeleteAsync(Caller caller, Guid serviceUuid, Guid uuid, CancellationToken cancellationToken)
    {
        var trigger = await LoadAsync(caller, serviceUuid, uuid, cancellationToken);
        await secrets.RemoveAsync(trigger.SecretHash, cancellationToken);
        await calls.ForgetAsync(trigger.Uuid, cancellationToken);
        await triggers.DeleteAsync(trigger.Namespace, trigger.Uuid, cancellationToken);
        return TriggerResource.From(trigger);
    }

    private async Task<Trigger> LoadAsync(Caller caller, Guid serviceUuid, Guid uuid, CancellationToken cancellationToken) =>
        await triggers.GetAsync(caller.Namespace, uuid, cancellationToken) is { } trigger && trigger.ServiceUuid == serviceUuid
            ? trigger
            : throw new ResourceNotFoundException("trigger", uuid.ToString());

    private static ResourceNotFoundException ServiceNotFound(Guid uuid) => new("service", uuid.ToString());
}
