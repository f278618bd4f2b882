using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Services;

/// <summary>A service in Docker Cloud's shape. The container counts and link_variables come from its containers.</summary>
public sealed record ServiceResource(
    Guid Uuid,
    string ResourceUri,
    string ImageName,
    string Name,
    string Nickname,
    string State,
    bool Synchronized,
    string? Stack,
    IReadOnlyList<string> Containers,
    int TargetNumContainers,
    int CurrentNumContainers,
    int RunningNumContainers,
    int StoppedNumContainers,
    string DeploymentStrategy,
    IReadOnlyList<TagResource> Tags,
    IReadOnlyList<ContainerPort> ContainerPorts,
    IReadOnlyList<EnvironmentVariableResource> ContainerEnvvars,
    IReadOnlyList<EnvironmentVariableResource> CalculatedEnvvars,
    IReadOnlyList<ServiceLinkResource> LinkedToService,
    IReadOnlyDictionary<string, string> LinkVariables,
    string? RunCommand,
    string? Entrypoint,
    string? WorkingDir,
    long? Memory,
    long? CpuShares,
    string Autorestart,
    string Autodestroy,
    bool Autoredeploy,
    bool SequentialDeployment,
    bool Privileged,
    string Net,
    string Pid,
    IReadOnlyList<BindingResource> Bindings,
    IReadOnlyList<string> Roles,
    DateTimeOffset? DeployedDatetime,
    DateTimeOffset? DestroyedDatetime,
    string? PublicDns,
    string? CurrentAction,
    int MaxNumContainers)
{
    /// <param name="containers">The service's containers, Terminated ones included.</param>
    /// <param name="linkVariables">What containers linking to this service under its own name get.</param>
    /// <param name="maxContainers">The most containers a service may have here (the setting), so that clients offer no more.</param>
    public static ServiceResource From(Service service, IReadOnlyList<Container> containers, IReadOnlyList<EnvironmentVariable> linkVariables, int maxContainers)
    {
        var live = containers.Where(c => c.IsLive).OrderBy(c => c.Number).ToList();
        var uri = Uris.Service(service.Uuid);
        var running = live.Count(c => c.State == ContainerState.Running);
        var state = ServiceStates.AsSeen(service.State, service.ActiveAction is not null, service.TargetNumContainers, running);
        return new ServiceResource(
            service.Uuid, uri, service.ImageName, service.Name, service.Nickname, ApiNames.Of(state), ServiceDefinition.IsSynchronized(service, live), service.StackUuid is { } stack ? Uris.Stack(stack) : null,
            live.Select(c => Uris.Container(c.Uuid)).ToList(), service.TargetNumContainers, live.Count,
            running, live.Count(c => c.State == ContainerState.Stopped),
            ApiNames.Of(service.DeploymentStrategy), TagResource.From(service.Tags), service.ContainerPorts,
            EnvironmentVariableResource.From(service.ContainerEnvvars), Calculated(service, live),
            service.LinkedToService.Select(l => new ServiceLinkResource(l.Alias, Uris.Service(l.ToService), uri)).ToList(),
            Variables(linkVariables), Command(service.RunCommand), Command(service.Entrypoint), service.WorkingDir,
            service.Memory, service.CpuShares, ApiNames.Of(service.Autorestart), ApiNames.Of(service.Autodestroy),
            service.Autoredeploy, service.SequentialDeployment, service.Privileged, ApiNames.Of(service.Net), ApiNames.Of(service.Pid),
            BindingResource.From(service.Bindings), Roles: [], service.DeployedDatetime, service.DestroyedDatetime,
            PublicDns: null, service.ActiveAction is { } action ? Uris.Action(action) : null, maxContainers);
    }

    /// <summary>
    /// What the containers get: the newest deployed container's variables (its image's, link variables and the
    /// injected ones included), or the service's own while none is deployed.
    /// </summary>
    private static IReadOnlyList<EnvironmentVariableResource> Calculated(Service service, IReadOnlyList<Container> live) =>
        live.Where(c => c.Desired != ContainerDesire.Removed).MaxBy(c => c.Revision) is { } newest
            ? EnvironmentVariableResource.Calculated(newest.ImageEnvironment, newest.Spec.Environment ?? [])
            : EnvironmentVariableResource.Calculated([], service.ContainerEnvvars.Select(v => v.From(EnvironmentOrigin.User)));

    /// <summary>Argument lists travel as one command line, as Docker Cloud had them.</summary>
    public static string? Command(IReadOnlyList<string>? words) => words is null ? null : CommandLine.Join(words);

    /// <summary>Variables as one JSON object, in their order (a later duplicate key wins).</summary>
    public static IReadOnlyDictionary<string, string> Variables(IEnumerable<EnvironmentVariable> variables)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in variables)
            result[variable.Key] = variable.Value;
        return result;
    }
}
