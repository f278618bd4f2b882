using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Application.Tests.Stacks;

/// <summary>
/// Two stacks' services are the same when every field a stackfile carries is: links compared by the linked service's name,
/// and volumes_from by the other service's name, ports as a set (a stackfile lists published ports apart from exposed ones).
/// </summary>
public static class StackAssert
{
    public static void Same(IReadOnlyList<Service> expected, IReadOnlyList<Service> actual)
    {
        var (want, got) = (Describe(expected), Describe(actual));
        Assert.Equal(want.Count, got.Count);
        foreach (var (one, other) in want.Zip(got))
            Assert.Equal(one, other);
    }

    private static IReadOnlyList<string> Describe(IReadOnlyList<Service> services)
    {
        var names = services.ToDictionary(s => s.Uuid, s => s.Name);
        return services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => string.Join(" | ",
            s.Name, s.ImageName, Words(s.RunCommand), Words(s.Entrypoint), string.Join(",", s.ContainerEnvvars), string.Join(",", s.ContainerPorts.OrderBy(p => p.ToString(), StringComparer.Ordinal)),
            string.Join(",", s.LinkedToService.Select(l => $"{l.Alias}->{names[l.ToService]}")), s.TargetNumContainers, s.DeploymentStrategy,
            string.Join(",", s.Tags), s.Autorestart, s.Autodestroy, s.Autoredeploy, s.SequentialDeployment, s.WorkingDir, s.Memory, s.CpuShares,
            s.Privileged, s.Net, s.Pid, string.Join(",", s.Bindings.Select(b => b.VolumesFrom is { } from ? $"from {names[from]}" : $"{b.HostPath}:{b.ContainerPath}:{b.Rewritable}")))).ToList();
    }

    private static string Words(IReadOnlyList<string>? words) => words is null ? "(image's)" : string.Join("\u241F", words);
}
