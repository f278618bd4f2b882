using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.ServiceOperations;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Querying;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Services;

/// <summary>What users do with services. Every refusal happens before anything is written.</summary>
public sealed class ServiceService(
    IServiceStore services,
    IStackStore stacks,
    ServiceViews views,
    ServiceOperationStarter operations,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    /// <summary>Docker Cloud clients filter services by their stack's name.</summary>
    private const string StackFilter = "stack__name";

    public IReadOnlySet<string> FilterableFields { get; } = services.QueryableFields.Append(StackFilter).ToHashSet(StringComparer.Ordinal);

    public async Task<(IReadOnlyList<ServiceResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var filters = request.Filters.Where(f => f.Field != StackFilter).ToList();
        foreach (var byStack in request.Filters.Where(f => f.Field == StackFilter && f.Value.Length > 0))
        {
            // The live stack of that name (names of live stacks are unique); none: no service.
            if ((await stacks.ListLiveNamedAsync(caller.Namespace, byStack.Value, cancellationToken)).FirstOrDefault(s => s.Complete) is not { } stack)
                return ([], 0);
            filters.Add(new FieldFilter("stack", FilterOperator.Equals, stack.Uuid.ToString("D")));
        }

        var query = new TableQuery(filters);
        var page = await services.ListAsync(caller.Namespace, query, request.Offset, request.Limit, cancellationToken);
        return (await views.ToResourcesAsync(caller.Namespace, page.Items, cancellationToken), page.TotalCount);
    }

    public async Task<ServiceResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await views.ToResourceAsync(await LoadAsync(caller, uuid, cancellationToken), cancellationToken);

    /// <summary>Creates the service Not running, with nothing deployed; its name is unique among the namespace's services.</summary>
    public async Task<ServiceResource> CreateAsync(Caller caller, CreateServiceRequest request, CancellationToken cancellationToken)
    {
        var image = request.ImageName ?? request.Image;
        var validator = new Validator().Require(image is not null, "image", "is required (image, or image_name).");
        if (request.Image is not null && request.ImageName is not null && request.Image != request.ImageName)
            validator.Add("image", $"'{request.Image}' differs from image_name '{request.ImageName}': give one, or both alike.");
        request = request with { ImageName = image };
        if (request.Name is not null && ServiceNames.Check(request.Name) is { } badName)
            validator.Add("name", badName);
        var changes = new ServiceFieldReader(validator, options.Value.MaxContainersPerService).Read(request);
        var existing = await services.ListLiveAsync(caller.Namespace, cancellationToken);
        var name = request.Name ?? ServiceNames.FromImage(request.ImageName ?? "", n => Named(existing, n) is not null);
        var uuid = Guid.NewGuid();
        if (request.LinkedToService is { } links && ServiceLinkResolver.Resolve((uuid, name), links, existing, validator) is { } resolved)
            changes.Add(s => s.LinkedToService = resolved);
        if (request.Bindings is { } bindings && ServiceBindingResolver.Resolve(uuid, bindings, existing, validator) is { } boundVolumes)
            changes.Add(s => s.Bindings = boundVolumes);
        validator.ThrowIfInvalid();
        if (Named(existing, name) is { } taken)
            throw new ResourceConflictException($"A service named '{name}' already exists here: {Domain.Resources.ResourceUris.Service(taken.Uuid)}");

        var service = new Service
        {
            Uuid = uuid,
            Namespace = caller.Namespace,
            Name = name,
            Nickname = name,
            ImageName = request.ImageName!,
            TargetNumContainers = changes.Target ?? ServiceRules.DefaultTargetNumContainers,
            CreatedDatetime = clock.GetUtcNow(),
        };
        changes.ApplyTo(service);
        await services.CreateAsync(service, cancellationToken);
        return views.New(service);
    }

    /// <summary>
    /// The fields given change at once (the containers take them at their next redeploy); a new target_num_containers
    /// on a service that was started scales it, as an operation. A Not running service just keeps its new target.
    /// </summary>
    /// <param name="triggerBody">The body of the trigger call that asks for this, kept with the scale it starts (see <see cref="Service.TriggerBody"/>).</param>
    public async Task<(ServiceResource Service, ActionRecord? Action)> PatchAsync(
        Caller caller, RequestInfo info, Guid uuid, PatchServiceRequest request, DurableTaskClient durable, CancellationToken cancellationToken,
        string? triggerBody = null)
    {
        var current = await LoadAsync(caller, uuid, cancellationToken);
        var changes = await ReadPatchAsync(current, request, cancellationToken);
        RequireLive(current);
        // Only a new target can make the patch a scale; only then does it matter how many containers run.
        var running = changes.Target is { } target && target != current.TargetNumContainers
            ? await operations.RunningAsync(caller.Namespace, uuid, cancellationToken)
            : 0;

        if (!Scales(current, changes, running))
        {
            var updated = await services.UpdateAsync(caller.Namespace, uuid, s =>
            {
                RequireLive(s);
                // Whatever it changes, even a target equal to the current one: one operation's object at a time.
                if (s.ActiveAction is { } busy)
                    throw new OperationInProgressException(busy);
                if (Scales(s, changes, running))
                    throw new ResourceConflictException("The service was started while this request was handled; send it again to scale.");
                ApplyPatch(s, changes);
                s.TargetNumContainers = changes.Target ?? s.TargetNumContainers;
                return true;
            }, cancellationToken) ?? throw NotFound(uuid);
            return (await views.ToResourceAsync(updated, cancellationToken), null);
        }

        return await OperateAsync(caller, info, uuid, ServiceOperationKind.Scale, durable, cancellationToken, s =>
        {
            RequireLive(s);
            ApplyPatch(s, changes);
            Enter(s, ServiceState.Scaling, "scaled");
            s.TargetNumContainers = changes.Target!.Value;
        }, triggerBody);
    }

    /// <summary>Deploys a Not running service, or starts a Stopped one.</summary>
    public Task<(ServiceResource Service, ActionRecord Action)> StartAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.Start, durable, cancellationToken, s => Enter(s, ServiceState.Starting, "started"));

    public Task<(ServiceResource Service, ActionRecord Action)> StopAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.Stop, durable, cancellationToken, s => Enter(s, ServiceState.Stopping, "stopped"));

    /// <param name="triggerBody">The body of the trigger call that asks for this, kept with the redeploy (see <see cref="Service.TriggerBody"/>).</param>
    /// <param name="reuseVolumes">False gives the new containers new, empty named volumes (Docker Cloud's reuse_volumes).</param>
    public Task<(ServiceResource Service, ActionRecord Action)> RedeployAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken, string? triggerBody = null,
        bool reuseVolumes = true) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.Redeploy, durable, cancellationToken, s =>
        {
            Enter(s, ServiceState.Redeploying, "redeployed");
            s.FreshVolumes = !reuseVolumes;
        }, triggerBody);

    /// <summary>
    /// Brings the service to its stored target_num_containers. A scale already in flight goes there: it answers (as
    /// Docker Cloud's clients PATCH the target, then POST scale).
    /// </summary>
    public Task<(ServiceResource Service, ActionRecord Action)> ScaleAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.Scale, durable, cancellationToken, s =>
        {
            if (ServiceRules.ManualScaleProblem(s.DeploymentStrategy) is { } problem)
                throw new RequestValidationException("target_num_containers", problem);
            Enter(s, ServiceState.Scaling, "scaled");
        }, joinsSame: true);

    public Task<(ServiceResource Service, ActionRecord Action)> TerminateAsync(
        Caller caller, RequestInfo info, Guid uuid, DurableTaskClient durable, CancellationToken cancellationToken) =>
        OperateAsync(caller, info, uuid, ServiceOperationKind.Terminate, durable, cancellationToken, s =>
        {
            if (s.State == ServiceState.Terminated)
                throw new ResourceConflictException("The service is already Terminated.");
            if (s.State != ServiceState.Terminating) // a terminate that could not finish may be sent again
                s.MoveTo(ServiceState.Terminating);
        });

    private async Task<(ServiceResource Service, ActionRecord Action)> OperateAsync(
        Caller caller, RequestInfo info, Guid uuid, ServiceOperationKind kind, DurableTaskClient durable, CancellationToken cancellationToken, Action<Service> prepare,
        string? triggerBody = null, bool joinsSame = false)
    {
        // The body goes in with the write that takes the operation slot: only the call that gets the slot leaves one.
        var (service, action) = await operations.StartAsync(new ServiceOperationRequest(caller, info, uuid, kind, JoinsSame: joinsSame), s =>
        {
            prepare(s);
            if (triggerBody is not null)
                s.TriggerBody = triggerBody;
        }, durable, cancellationToken);
        return (await views.ToResourceAsync(service, cancellationToken), action);
    }

    private async Task<ServiceChanges> ReadPatchAsync(Service current, PatchServiceRequest request, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        var changes = new ServiceFieldReader(validator, options.Value.MaxContainersPerService).Read(request);
        if (changes.Strategy is { } strategy && ServiceRules.StrategyChangeProblem(current.DeploymentStrategy, strategy) is { } switching)
            validator.Add("deployment_strategy", switching);
        if (changes.Target is { } target && target != current.TargetNumContainers
            && ServiceRules.ManualScaleProblem(changes.Strategy ?? current.DeploymentStrategy) is { } manual)
            validator.Add("target_num_containers", manual);
        if (request.LinkedToService is not null || request.Bindings is not null)
            ResolveReferences(current, request, await services.ListLiveAsync(current.Namespace, cancellationToken), changes, validator);
        validator.ThrowIfInvalid();
        return changes;
    }

    /// <summary>The fields that name other services of the namespace: links and volumes_from.</summary>
    private static void ResolveReferences(Service current, PatchServiceRequest request, IReadOnlyList<Service> existing, ServiceChanges changes, Validator validator)
    {
        if (request.LinkedToService is { } links && ServiceLinkResolver.Resolve((current.Uuid, current.Name), links, existing, validator) is { } resolved)
            changes.Add(s => s.LinkedToService = resolved);
        if (request.Bindings is { } bindings && ServiceBindingResolver.Resolve(current.Uuid, bindings, existing, validator) is { } boundVolumes)
            changes.Add(s => s.Bindings = boundVolumes);
    }

    /// <summary>Applies a checked patch to the service as it is now; the strategy rule is checked again against it.</summary>
    private static void ApplyPatch(Service service, ServiceChanges changes)
    {
        if (changes.Strategy is { } strategy && ServiceRules.StrategyChangeProblem(service.DeploymentStrategy, strategy) is { } problem)
            throw new RequestValidationException("deployment_strategy", problem);
        changes.ApplyTo(service);
    }

    /// <summary>Whether the patch changes the target of a service that has been started (as GET shows it): that is a scale operation.</summary>
    private static bool Scales(Service service, ServiceChanges changes, int running) =>
        changes.Target is { } target && target != service.TargetNumContainers
        && ServiceOperationStarter.StateAsSeen(service, running) != ServiceState.NotRunning;

    /// <summary>Moves the service into an operation's busy state, or refuses with where it would have to be.</summary>
    private static void Enter(Service service, ServiceState busy, string operation)
    {
        if (ServiceTransitions.Refusal(service.State, busy, operation) is { } refusal)
            throw new ResourceConflictException(refusal);
        service.MoveTo(busy);
    }

    private static void RequireLive(Service service)
    {
        if (!service.IsLive)
            throw new ResourceConflictException($"The service is {Domain.States.ApiNames.Of(service.State)} and cannot be changed.");
    }

    private static Service? Named(IEnumerable<Service> services, string name) =>
        services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stored service alone, without the reads its API view makes; 404 when the caller's namespace has none.</summary>
    public async Task<Service> LoadAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await services.GetAsync(caller.Namespace, uuid, cancellationToken) ?? throw NotFound(uuid);

    private static ResourceNotFoundException NotFound(Guid uuid) => new("service", uuid.ToString());
}
