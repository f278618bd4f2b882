using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Stacks;
using FunctionsCloud.Domain.Validation;
using FunctionsCloud.Storage.Services;

namespace FunctionsCloud.Application.Stacks;

/// <summary>
/// Checks the services a stack request gives, all of them, before anything is written: each service's fields by the
/// service rules, one name per service, links and volumes_from only to services of the same stack (by name), links not
/// going round.
/// Every problem names its place (<see cref="IStackPlaces"/>).
/// </summary>
public static class StackSpecReader
{
    public const int MaxServices = IServiceStore.MaxCreatedTogether;

    public static IReadOnlyList<StackServiceSpec> Read(IReadOnlyList<CreateServiceRequest?>? requests, IStackPlaces places, int maxContainers)
    {
        if (requests is not { Count: > 0 })
            throw new RequestValidationException("services", "a stack needs at least one service.");
        if (requests.Count > MaxServices)
            throw new RequestValidationException("services", $"a stack has at most {MaxServices} services, not {requests.Count}.");

        var problems = new List<ValidationError>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i]?.Name is not { } name || ServiceNames.Check(name) is { } bad)
                problems.Add(places.Problem(i, "name", requests[i] is null ? "a service must be an object." : ServiceNames.Check(requests[i]!.Name) ?? ""));
            else if (!names.TryAdd(name, i))
                problems.Add(places.Problem(i, "name", $"a second service named '{name}' (the first is service {names[name] + 1}); names must differ."));
        }

        var specs = new List<StackServiceSpec>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i] is { Name: { } name } request && names.GetValueOrDefault(name, -1) == i)
                specs.Add(ReadOne(i, request, names, places, maxContainers, problems));
        }

        if (problems.Count == 0 && StackOrder.Levels(specs.ToDictionary(s => s.Name, s => (IReadOnlyList<string>)s.Links.Select(l => l.Target).ToList(),
                StringComparer.OrdinalIgnoreCase)).Cycle is { } cycle)
            problems.Add(places.Problem(names[cycle[0]], "linked_to_service", $"the links would go round: {string.Join(" → ", cycle)}."));
        if (problems.Count > 0)
            throw new RequestValidationException(problems);
        return specs;
    }

    private static StackServiceSpec ReadOne(
        int index, CreateServiceRequest request, IReadOnlyDictionary<string, int> names, IStackPlaces places, int maxContainers, List<ValidationError> problems)
    {
        var validator = new Validator().Require(request.ImageName is not null, "image_name", "is required.");
        var changes = new ServiceFieldReader(validator, maxContainers).Read(request);
        var bindings = request.Bindings is { } given ? StackBindings.Read(request.Name!, given, names.Keys, validator) : [];
        try
        {
            validator.ThrowIfInvalid();
        }
        catch (RequestValidationException invalid)
        {
            problems.AddRange(invalid.Errors.Select(e => places.Problem(index, e.Field, e.Message)));
        }

        var links = new List<StackLink>();
        foreach (var link in request.LinkedToService ?? [])
        {
            if (LinkProblem(link, names) is { } problem)
                problems.Add(places.Problem(index, "linked_to_service", problem));
            else
                links.Add(new StackLink(link!.Name ?? link.ToService!, link.ToService!));
        }

        if (links.Count > FieldLimits.LinkedToService)
            problems.Add(places.Problem(index, "linked_to_service", FieldLimits.Items(links.Count, FieldLimits.LinkedToService)!));
        foreach (var twice in links.GroupBy(l => l.Alias, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(places.Problem(index, "linked_to_service", $"alias '{twice.Key}' is given {twice.Count()} times; give the links different names."));
        return new StackServiceSpec(request.Name!, request, changes, links, bindings ?? []);
    }

    private static string? LinkProblem(ServiceLinkRequest? link, IReadOnlyDictionary<string, int> names) =>
        link?.ToService is not { } target ? "every link needs the name of a service of this stack."
        : ServiceReference.Parse(target) is not null ? $"'{target}' is a service outside the stack: services of a stack link only to each other, by name."
        : !names.ContainsKey(target) ? $"there is no service named '{target}' in this stack."
        : link.Name is { } alias && ServiceNames.Check(alias) is { } bad ? $"link name {bad}"
        : null;
}
