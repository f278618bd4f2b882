using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Services;

namespace FunctionsCloud.Application.Stacks;

/// <summary>
/// A stack's services brought to a PATCH's list: services of the same name take the fields given (their containers
/// at the next redeploy, as for a service's PATCH), new ones are created Not running in the stack, and those left
/// out are marked to leave; the stack's next redeploy starts the new ones and terminates the leaving ones.
/// </summary>
public sealed class StackUpdate(IServiceStore services, TimeProvider clock)
{
    public async Task ApplyAsync(Stack stack, IReadOnlyList<StackServiceSpec> specs, CancellationToken cancellationToken)
    {
        var members = (await services.ListByStackAsync(stack.Namespace, stack.Uuid, cancellationToken)).Where(s => s.IsLive).ToList();
        var known = members.ToDictionary(s => s.Name, s => s.Uuid, StringComparer.OrdinalIgnoreCase);
        await RequireFreeNamesAsync(stack, specs, known, cancellationToken);
        foreach (var spec in specs.Where(s => known.ContainsKey(s.Name)))
        {
            var current = members.First(m => m.Uuid == known[spec.Name]);
            if (spec.Changes.Strategy is { } strategy && ServiceRules.StrategyChangeProblem(current.DeploymentStrategy, strategy) is { } problem)
                throw new RequestValidationException($"{spec.Name}.deployment_strategy", problem);
        }

        var uuids = StackServiceFactory.Uuids(specs, known);
        await services.CreateTogetherAsync(StackServiceFactory.Create(stack, specs, clock.GetUtcNow(), known), cancellationToken);
        foreach (var member in members)
        {
            var spec = specs.FirstOrDefault(s => string.Equals(s.Name, member.Name, StringComparison.OrdinalIgnoreCase));
            await services.UpdateAsync(stack.Namespace, member.Uuid, s =>
            {
                if (spec is null)
                    return !s.LeavingStack && (s.LeavingStack = true);
                spec.Changes.ApplyTo(s);
                s.TargetNumContainers = spec.Changes.Target ?? s.TargetNumContainers;
                s.LinkedToService = StackServiceFactory.Links(spec, uuids);
                s.Bindings = StackBindings.Of(spec, uuids);
                s.LeavingStack = false;
                return true;
            }, cancellationToken);
        }
    }

    private async Task RequireFreeNamesAsync(Stack stack, IReadOnlyList<StackServiceSpec> specs, IReadOnlyDictionary<string, Guid> known, CancellationToken cancellationToken)
    {
        var others = (await services.ListLiveAsync(stack.Namespace, cancellationToken)).Where(s => s.StackUuid is null);
        var clash = others.FirstOrDefault(s => specs.Any(spec => !known.ContainsKey(spec.Name) && string.Equals(spec.Name, s.Name, StringComparison.OrdinalIgnoreCase)));
        if (clash is not null)
            throw new ResourceConflictException($"A service named '{clash.Name}' already exists here: {ResourceUris.Service(clash.Uuid)}");
    }
}
