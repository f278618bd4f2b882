using System.Globalization;
using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunctionsCloud.Application.Stacks.Stackfiles;

/// <summary>
/// A stack's services as a stackfile that creates the same services again (<see cref="StackfileParser"/> reads it
/// back): every field that differs from a new service's default, links by service name. Free text is double-quoted,
/// so that no value reads back as a number, a flag or nothing.
/// </summary>
public static class StackfileWriter
{
    public static string Write(IReadOnlyList<Service> services)
    {
        var names = services.ToDictionary(s => s.Uuid, s => s.Name);
        var root = new YamlMappingNode();
        foreach (var service in services)
            root.Add(Plain(service.Name), Describe(service, names));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        // The emitter ends a document with "...": a stackfile is one document, so it goes.
        return writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    private static YamlMappingNode Describe(Service service, IReadOnlyDictionary<Guid, string> names)
    {
        var map = new YamlMappingNode { { "image", Quoted(service.ImageName) } };
        if (service.RunCommand is { } command)
            map.Add("command", Quoted(CommandLine.Join(command)));
        if (service.Entrypoint is { } entrypoint)
            map.Add("entrypoint", Quoted(CommandLine.Join(entrypoint)));
        if (service.ContainerEnvvars.Count > 0)
            map.Add("environment", new YamlSequenceNode(service.ContainerEnvvars.Select(v => Quoted($"{v.Key}={v.Value}"))));
        if (Ports(service.ContainerPorts.Where(p => p.Published)) is { } published)
            map.Add("ports", published);
        if (Ports(service.ContainerPorts.Where(p => !p.Published)) is { } exposed)
            map.Add("expose", exposed);
        if (service.LinkedToService.Count > 0)
            map.Add("links", new YamlSequenceNode(service.LinkedToService.Select(l => Link(l, names))));
        if (service.TargetNumContainers != ServiceRules.DefaultTargetNumContainers)
            map.Add("target_num_containers", Plain(service.TargetNumContainers.ToString(CultureInfo.InvariantCulture)));
        if (service.DeploymentStrategy != DeploymentStrategy.EmptiestNode)
            map.Add("deployment_strategy", Plain(ApiNames.Of(service.DeploymentStrategy).ToLowerInvariant()));
        if (service.Tags.Count > 0)
            map.Add("tags", new YamlSequenceNode(service.Tags.Select(Quoted)));
        if (service.Autorestart != Autorestart.Off)
            map.Add("autorestart", Plain(ApiNames.Of(service.Autorestart)));
        if (service.Autodestroy != Autodestroy.Off)
            map.Add("autodestroy", Plain(ApiNames.Of(service.Autodestroy)));
        if (service.Autoredeploy)
            map.Add("autoredeploy", Plain("true"));
        if (service.SequentialDeployment)
            map.Add("sequential_deployment", Plain("true"));
        if (service.WorkingDir is { } workingDir)
            map.Add("working_dir", Quoted(workingDir));
        if (service.Memory is { } memory)
            map.Add("mem_limit", Plain(memory.ToString(CultureInfo.InvariantCulture) + "m"));
        if (service.CpuShares is { } cpuShares)
            map.Add("cpu_shares", Plain(cpuShares.ToString(CultureInfo.InvariantCulture)));
        if (service.Privileged)
            map.Add("privileged", Plain("true"));
        if (service.Net != NetworkMode.Bridge)
            map.Add("net", Plain(ApiNames.Of(service.Net)));
        if (service.Pid != PidMode.None)
            map.Add("pid", Plain(ApiNames.Of(service.Pid)));
        if (service.Bindings.Where(b => b.VolumesFrom is null).Select(Volume).ToList() is { Count: > 0 } volumes)
            map.Add("volumes", new YamlSequenceNode(volumes));
        if (service.Bindings.Where(b => b.VolumesFrom is not null).Select(b => Plain(Named(b.VolumesFrom!.Value, names, "takes volumes from"))).ToList() is { Count: > 0 } from)
            map.Add("volumes_from", new YamlSequenceNode(from));
        return map;
    }

    private static YamlSequenceNode? Ports(IEnumerable<ContainerPort> ports)
    {
        var list = ports.Select(p =>
            Quoted((p.OuterPort is { } outer ? $"{outer}:" : "") + p.InnerPort.ToString(CultureInfo.InvariantCulture) + (p.Protocol == ContainerPort.Tcp ? "" : "/" + p.Protocol)))
            .ToList();
        return list.Count == 0 ? null : new YamlSequenceNode(list);
    }

    private static YamlScalarNode Link(ServiceLink link, IReadOnlyDictionary<Guid, string> names)
    {
        var target = Named(link.ToService, names, "is linked to");
        return Plain(string.Equals(link.Alias, target, StringComparison.Ordinal) ? target : $"{target}:{link.Alias}");
    }

    /// <summary>A named volume or a host path, as the reader takes it: [HOST_PATH:]CONTAINER_PATH, ":ro" when read-only.</summary>
    private static YamlScalarNode Volume(ServiceBinding binding) =>
        Quoted((binding.HostPath is { } host ? host + ":" : "") + binding.ContainerPath + (binding.Rewritable ? "" : ":ro"));

    private static string Named(Guid service, IReadOnlyDictionary<Guid, string> names, string what) =>
        names.GetValueOrDefault(service) ?? throw new InvalidOperationException($"Service {service} {what} but is not in the stack.");

    private static YamlScalarNode Plain(string value) => new(value);

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
