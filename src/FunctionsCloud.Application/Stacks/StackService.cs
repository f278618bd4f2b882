using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Application.Stacks.Operations;
using FunctionsCloud.Application.Stacks.Stackfiles;
using FunctionsCloud.Domain.Actions;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Stacks;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Stacks;

/// <summary>What users do with stacks. Every refusal happens before anything is written; a stack is created whole or not at all.</summary>
public sealed class StackService(
    IStackStore stacks,
    IServiceStore services,
    StackOperationStarter operations,
    IOptions<FunctionsCloudOptions> options,
    TimeProvider clock)
{
    public IReadOnlySet<string> FilterableFields => stacks.QueryableFields;

    private int MaxContainers => options.Value.MaxContainersPerService;

    public async Task<(IReadOnlyList<StackResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var page = await stacks.ListCompleteAsync(caller.Namespace, new Storage.Querying.TableQuery(request.Filters), request.Offset, request.Limit, cancellationToken);
        var items = new List<StackResource>();
        foreach (var stack in page.Items)
            items.Add(StackResource.From(stack, await services.ListByStackAsync(caller.Namespace, stack.Uuid, cancellationToken)));
        return (items, page.TotalCount);
    }

    public async Task<StackResource> GetAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        var stack = await LoadAsync(caller, uuid, cancellationToken);
        return StackResource.From(stack, await services.ListByStackAsync(caller.Namespace, uuid, cancellationToken));
    }

    /// <summary>The stackfile that creates the stack's services again (links by name).</summary>
    public async Task<string> ExportAsync(Caller caller, Guid uuid, CancellationToken cancellationToken)
    {
        await LoadAsync(caller, uuid, cancellationToken);
        var held = StackMembers.Held(await services.ListByStackAsync(caller.Namespace, uuid, cancellationToken));
        return held.Count == 0
            ? throw new ResourceConflictException("The stack holds no service any more: there is nothing to export.")
            : StackfileWriter.Write(held);
    }

    public Task<StackResource> CreateAsync(Caller caller, CreateStackRequest request, CancellationToken cancellationToken)
    {
        var validator = NameCheck(request.Name, request.Nickname);
        var bodies = StackServiceBodies.Read(request.Services);
        validator.ThrowIfInvalid();
        var specs = StackSpecReader.Read(bodies, new JsonStackPlaces(), MaxContainers);
        return CreateAsync(caller, request.Name!, request.Nickname, specs, cancellationToken);
    }

    /// <summary>Creates the stack from a stackfile in Docker Cloud's YAML format; problems name their line and column.</summary>
    public Task<StackResource> CreateFromStackfileAsync(Caller caller, string? name, string? nickname, string stackfile, CancellationToken cancellationToken)
    {
        NameCheck(name, nickname).ThrowIfInvalid();
        return CreateAsync(caller, name!, nickname, ReadStackfile(stackfile), cancellationToken);
    }

    private IReadOnlyList<StackServiceSpec> ReadStackfile(string stackfile)
    {
        var parsed = StackfileParser.Parse(stackfile);
        return StackSpecReader.Read(parsed.Select(p => (Services.CreateServiceRequest?)p.Request).ToList(), new StackfilePlaces(parsed), MaxContainers);
    }

    /// <summary>
    /// Writes the stack hidden (not Complete), then its services in one transaction, then shows the stack: a failure
    /// in between removes the hidden row, so nothing half made is ever listed.
    /// </summary>
    private async Task<StackResource> CreateAsync(Caller caller, string name, string? nickname, IReadOnlyList<StackServiceSpec> specs, CancellationToken cancellationToken)
    {
        await RequireFreeNamesAsync(caller, name, specs, cancellationToken);
        var now = clock.GetUtcNow();
        var stack = new Stack { Uuid = Guid.NewGuid(), Namespace = caller.Namespace, Name = name, Nickname = nickname ?? name, CreatedDatetime = now };
        var created = StackServiceFactory.Create(stack, specs, now);
        await stacks.CreateAsync(stack, cancellationToken);
        try
        {
            await services.CreateTogetherAsync(created, cancellationToken);
        }
        catch
        {
            await stacks.DeleteHiddenAsync(stack, CancellationToken.None);
            throw;
        }

        await stacks.ShowAsync(stack, CancellationToken.None);
        return StackResource.From(stack, created);
    }

    /// <summary>
    /// Services named in the body change (at their next redeploy), new ones join Not running, those left out leave:
    /// the stack's next redeploy starts the new ones and terminates the leaving ones. One operation's object at a time.
    /// </summary>
    public async Task<StackResource> PatchAsync(Caller caller, Guid uuid, PatchStackRequest request, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        if (request.Nickname is not null)
            validator.Nickname("nickname", request.Nickname);
        var bodies = StackServiceBodies.Read(request.Services);
        validator.ThrowIfInvalid();
        var specs = bodies is null ? null : StackSpecReader.Read(bodies, new JsonStackPlaces(), MaxContainers);
        return await UpdateAsync(caller, uuid, specs, request.Nickname, cancellationToken);
    }

    /// <summary>As a PATCH of services, from a stackfile: the stack's services become the stackfile's.</summary>
    public Task<StackResource> PatchFromStackfileAsync(Caller caller, Guid uuid, string stackfile, CancellationToken cancellationToken) =>
        UpdateAsync(caller, uuid, ReadStackfile(stackfile), nickname: null, cancellationToken);

    private async Task<StackResource> UpdateAsync(Caller caller, Guid uuid, IReadOnlyList<StackServiceSpec>? specs, string? nickname, CancellationToken cancellationToken)
    {
        var stack = await LoadAsync(caller, uuid, cancellationToken);
        RequireIdle(stack);
        if (specs is not null)
            await new StackUpdate(services, clock).ApplyAsync(stack, specs, cancellationToken);
        if (nickname is { } changed)
        {
            stack = await stacks.UpdateAsync(caller.Namespace, uuid, s =>
            {
                RequireIdle(s);
                s.Nickname = changed;
                return true;
            }, cancellationToken) ?? throw NotFound(uuid);
        }

        return StackResource.From(stack, await services.ListByStackAsync(caller.Namespace, uuid, cancellationToken));
    }

    public Task<(StackResource Stack, ActionRecord Action)> OperateAsync(
        Caller caller, RequestInfo info, Guid uuid, StackOperationKind kind, DurableTaskClient durable, CancellationToken cancellationToken) =>
        WithServicesAsync(caller, operations.StartAsync(caller, info, uuid, kind, durable, cancellationToken), cancellationToken);

    private async Task<(StackResource, ActionRecord)> WithServicesAsync(Caller caller, Task<(Stack Stack, ActionRecord Action)> started, CancellationToken cancellationToken)
    {
        var (stack, action) = await started;
        return (StackResource.From(stack, await services.ListByStackAsync(caller.Namespace, stack.Uuid, cancellationToken)), action);
    }

    private async Task RequireFreeNamesAsync(Caller caller, string name, IReadOnlyList<StackServiceSpec> specs, CancellationToken cancellationToken)
    {
        if ((await stacks.ListLiveNamedAsync(caller.Namespace, name, cancellationToken)).FirstOrDefault() is { } taken)
            throw new ResourceConflictException($"A stack named '{name}' already exists here: {ResourceUris.Stack(taken.Uuid)}");
        // A stack's services are named within the stack (another stack may have its own web); not after a service of no stack.
        var live = (await services.ListLiveAsync(caller.Namespace, cancellationToken)).Where(s => s.StackUuid is null);
        var clash = live.FirstOrDefault(s => specs.Any(spec => string.Equals(spec.Name, s.Name, StringComparison.OrdinalIgnoreCase)));
        if (clash is not null)
            throw new ResourceConflictException($"A service named '{clash.Name}' already exists here: {ResourceUris.Service(clash.Uuid)}");
    }

    private static Validator NameCheck(string? name, string? nickname)
    {
        var validator = new Validator().Name("name", name);
        return nickname is null ? validator : validator.Nickname("nickname", nickname);
    }

    public static void RequireIdle(Stack stack)
    {
        if (stack.ActiveAction is { } busy)
            throw new OperationInProgressException(busy);
        if (!stack.IsLive)
            throw new ResourceConflictException($"The stack is {Domain.States.ApiNames.Of(stack.State)} and cannot be changed.");
    }

    private async Task<Stack> LoadAsync(Caller caller, Guid uuid, CancellationToken cancellationToken) =>
        await stacks.GetAsync(caller.Namespace, uuid, cancellationToken) is { Complete: true } stack ? stack : throw NotFound(uuid);

    private static ResourceNotFoundException NotFound(Guid uuid) => new("stack", uuid.ToString());
}
