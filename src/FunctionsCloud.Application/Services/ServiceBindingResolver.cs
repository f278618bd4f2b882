using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Services;

/// <summary>
/// Resolves bindings against the namespace's services: each one of the three kinds with absolute paths, and each
/// volumes_from a live service of the same namespace (by uuid, resource_uri or name) other than the service itself.
/// </summary>
public static class ServiceBindingResolver
{
    public const int MaxBindings = FieldLimits.Bindings;
    private const string Field = "bindings";

    /// <param name="service">The service the bindings are for (a new one's uuid is not among <paramref name="namespaceServices"/>).</param>
    /// <returns>The bindings, or null when there were problems (each added to the validator).</returns>
    public static IReadOnlyList<ServiceBinding>? Resolve(Guid service, IReadOnlyList<ServiceBindingRequest?> requests, IReadOnlyList<Service> namespaceServices, Validator validator)
    {
        if (FieldLimits.Items(requests.Count, MaxBindings) is { } tooMany)
        {
            validator.Add(Field, tooMany);
            return null;
        }

        var live = namespaceServices.Where(s => s.IsLive && s.Uuid != service).ToList();
        var bindings = new List<ServiceBinding>();
        var problems = new List<string>();
        foreach (var (request, index) in requests.Select((r, i) => (r, i)))
        {
            var (binding, problem) = ResolveOne(request, live);
            if (binding is not null)
                bindings.Add(binding);
            else
                problems.Add($"[{index}]: {problem}");
        }

        var characters = bindings.Sum(b => (b.HostPath?.Length ?? 0) + (b.ContainerPath?.Length ?? 0));
        if (characters > FieldLimits.BindingsCharacters)
            problems.Add($"paths together must be at most {FieldLimits.BindingsCharacters} characters, were {characters}.");
        problems.AddRange(bindings.Where(b => b.ContainerPath is not null).GroupBy(b => b.ContainerPath!.TrimEnd('/'), StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => $"container_path '{g.Key}' is bound {g.Count()} times."));
        foreach (var problem in problems)
            validator.Add(Field, problem);
        return problems.Count == 0 ? bindings : null;
    }

    private static (ServiceBinding? Binding, string? Problem) ResolveOne(ServiceBindingRequest? request, IReadOnlyList<Service> live)
    {
        if (request is null)
            return (null, "a binding is an object.");
        if (BindingRules.Problem(request.HostPath, request.ContainerPath, request.VolumesFrom is not null) is { } problem)
            return (null, problem);
        if (request.VolumesFrom is { } reference)
        {
            var uuid = ServiceReference.Parse(reference);
            var source = live.FirstOrDefault(s => uuid is not null ? s.Uuid == uuid : string.Equals(s.Name, reference, StringComparison.Ordinal));
            return source is null
                ? (null, $"volumes_from '{reference}' is no other live service here.")
                : (ServiceBinding.From(source.Uuid), null);
        }

        return request.HostPath is { } hostPath
            ? (ServiceBinding.Host(hostPath, request.ContainerPath!, request.Rewritable ?? true), null)
            : (ServiceBinding.Volume(request.ContainerPath!) with { Rewritable = request.Rewritable ?? true }, null);
    }
}
