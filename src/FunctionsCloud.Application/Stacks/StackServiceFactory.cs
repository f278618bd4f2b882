using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;

namespace FunctionsCloud.Application.Stacks;

/// <summary>Services of a stack from checked specs: links by name become links by uuid.</summary>
public static class StackServiceFactory
{
    /// <param name="known">Uuids of services of the stack that exist already, by name.</param>
    public static IReadOnlyList<Service> Create(
        Stack stack, IReadOnlyList<StackServiceSpec> specs, DateTimeOffset now, IReadOnlyDictionary<string, Guid>? known = null)
    {
        var uuids = Uuids(specs, known);
        return specs.Where(s => known?.ContainsKey(s.Name) != true).Select(spec =>
        {
            var service = new Service
            {
                Uuid = uuids[spec.Name],
                Namespace = stack.Namespace,
                Name = spec.Name,
                Nickname = spec.Name,
                ImageName = spec.Request.ImageName!,
                StackUuid = stack.Uuid,
                TargetNumContainers = spec.Changes.Target ?? ServiceRules.DefaultTargetNumContainers,
                CreatedDatetime = now,
            };
            spec.Changes.ApplyTo(service);
            service.LinkedToService = Links(spec, uuids);
            service.Bindings = StackBindings.Of(spec, uuids);
            return service;
        }).ToList();
    }

    /// <summary>Every spec's uuid: the known one, else a new one.</summary>
    public static Dictionary<string, Guid> Uuids(IReadOnlyList<StackServiceSpec> specs, IReadOnlyDictionary<string, Guid>? known) =>
        specs.ToDictionary(s => s.Name, s => known?.GetValueOrDefault(s.Name) is { } uuid && uuid != Guid.Empty ? uuid : Guid.NewGuid(),
            StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<ServiceLink> Links(StackServiceSpec spec, IReadOnlyDictionary<string, Guid> uuids) =>
        spec.Links.Select(l => new ServiceLink(l.Alias, uuids[l.Target])).ToList();
}
