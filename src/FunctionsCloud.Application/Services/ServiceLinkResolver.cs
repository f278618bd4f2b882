using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Services;

/// <summary>
/// Resolves linked_to_service against the namespace's services: each target a live service of the same namespace
/// (by uuid or resource_uri), each alias a valid name used once, and no link that leads back to the service.
/// </summary>
public static class ServiceLinkResolver
{
    public const int MaxLinks = FieldLimits.LinkedToService;
    private const string Field = "linked_to_service";

    /// <param name="service">The linking service (a new one's uuid is not among <paramref name="namespaceServices"/>).</param>
    /// <param name="namespaceServices">The namespace's services that are not Terminated, as the store lists them.</param>
    /// <returns>The links, or null when there were problems (each added to the validator).</returns>
    public static IReadOnlyList<ServiceLink>? Resolve(
        (Guid Uuid, string Name) service, IReadOnlyList<ServiceLinkRequest?> requests, IReadOnlyList<Service> namespaceServices, Validator validator)
    {
        var problems = new List<string>();
        var live = namespaceServices.Where(s => s.IsLive).ToDictionary(s => s.Uuid);
        var links = new List<ServiceLink>();
        if (requests.Count > MaxLinks)
            problems.Add($"at most {MaxLinks} links, not {requests.Count}.");
        foreach (var request in requests.Take(MaxLinks))
        {
            var (link, problem) = ResolveOne(request, live);
            if (link is not null)
                links.Add(link);
            else
                problems.Add(problem!);
        }

        problems.AddRange(links.GroupBy(l => l.Alias, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"alias '{g.Key}' is given {g.Count()} times; give the links different names."));
        if (LinkCycles.Find(service.Uuid, links.Select(l => l.ToService), s => live.GetValueOrDefault(s)?.LinkedToService.Select(l => l.ToService) ?? []) is { } cycle)
            problems.Add($"the links would go round: {string.Join(" → ", cycle.Select(s => s == service.Uuid ? service.Name : live[s].Name))}.");

        foreach (var problem in problems)
            validator.Add(Field, problem);
        return problems.Count == 0 ? links : null;
    }

    private static (ServiceLink? Link, string? Problem) ResolveOne(ServiceLinkRequest? request, IReadOnlyDictionary<Guid, Service> live)
    {
        if (request?.ToService is not { } reference)
            return (null, "every link needs a to_service (the linked service's uuid or resource_uri).");
        if (ServiceReference.Parse(reference) is not { } uuid || !live.TryGetValue(uuid, out var target))
            return (null, $"to_service '{reference}' is no live service here.");
        var alias = request.Name ?? target.Name;
        return ServiceNames.Check(alias) is { } problem ? (null, $"link name {problem}") : (new ServiceLink(alias, target.Uuid), null);
    }
}
