using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Stacks;

/// <summary>A binding of a stack's service: <see cref="VolumesFrom"/> names a service of the same stack; else <see cref="Binding"/> is it.</summary>
public sealed record StackBinding(ServiceBinding Binding, string? VolumesFrom);

/// <summary>
/// Reads the bindings of a stack's service by the rules of a service's own (<see cref="ServiceBindingResolver"/>), the
/// stack's services standing in for the namespace's: volumes_from names one of them, by name, before any exists.
/// </summary>
public static class StackBindings
{
    /// <returns>The bindings, or null when there were problems (each added to the validator).</returns>
    public static IReadOnlyList<StackBinding>? Read(string service, IReadOnlyList<ServiceBindingRequest?> requests, IEnumerable<string> stackServices, Validator validator)
    {
        var standIns = stackServices.Select(name => new Service { Uuid = Guid.NewGuid(), Namespace = "", Name = name, ImageName = "" }).ToList();
        var own = standIns.First(s => string.Equals(s.Name, service, StringComparison.OrdinalIgnoreCase)).Uuid;
        var names = standIns.ToDictionary(s => s.Uuid, s => s.Name);
        return ServiceBindingResolver.Resolve(own, requests, standIns, validator)?
            .Select(b => b.VolumesFrom is { } from ? new StackBinding(b, names[from]) : new StackBinding(b, null))
            .ToList();
    }

    /// <summary>The service's bindings once the stack's services have their uuids.</summary>
    public static IReadOnlyList<ServiceBinding> Of(StackServiceSpec spec, IReadOnlyDictionary<string, Guid> uuids) =>
        spec.Bindings.Select(b => b.VolumesFrom is { } from ? ServiceBinding.From(uuids[from]) : b.Binding).ToList();
}
