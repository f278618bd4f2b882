using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Links;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Triggers;
using FunctionsCloud.Storage.Containers;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>
/// How a service's containers are to run now: its runtime fields, plus the link variables and host names of
/// every Running container of each linked service, at the addresses they are reachable at (set at deploy and
/// redeploy, as Docker Cloud did), each variable marked with its origin, and the body of the latest trigger call that started an operation as TRIGGER_BODY.
/// </summary>
public sealed class ContainerSpecBuilder(IContainerStore containers, ServiceNodes nodes)
{
    /// <param name="namespaceLive">The namespace's live containers when the caller has read them already (else each linked service's are read).</param>
    public async Task<ContainerSpec> BuildAsync(Service service, CancellationToken cancellationToken, IReadOnlyList<Container>? namespaceLive = null)
    {
        var environment = service.ContainerEnvvars.Select(v => v.From(EnvironmentOrigin.User)).ToList();
        var hosts = new List<HostAlias>();
        foreach (var link in service.LinkedToService)
        {
            var linked = namespaceLive?.Where(c => c.ServiceUuid == link.ToService).ToList()
                ?? await containers.ListByServiceAsync(service.Namespace, link.ToService, cancellationToken);
            var targets = await nodes.LinkTargetsAsync(service.Namespace, linked, cancellationToken);
            environment.AddRange(LinkVariables.For(link.Alias, targets).Select(v => v.From(EnvironmentOrigin.Tutum)));
            hosts.AddRange(LinkVariables.Hosts(link.Alias, targets));
        }

        // Last, so it wins over a variable of the same name: the latest trigger call's body.
        if (service.TriggerBody is { } body)
            environment.Add(new EnvironmentVariable(TriggerRules.BodyVariable, body, EnvironmentOrigin.Tutum));

        return new ContainerSpec(service.ImageName, service.RunCommand, service.Entrypoint, service.WorkingDir, environment,
            service.ContainerPorts, hosts, service.Memory, service.CpuShares, service.Autorestart, service.Autodestroy,
            service.Privileged, service.Net, service.Pid, service.Bindings);
    }
}
