using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Links;

/// <summary>
/// Compose-style link variables, as Docker's legacy links and Docker Cloud set them. For alias <c>db</c>:
/// <c>DB_PORT=tcp://addr:port</c> (the first container's lowest port, tcp before udp), then the first container's
/// set without a number (<c>DB_NAME</c>, <c>DB_PORT_5432_TCP[_ADDR|_PORT|_PROTO]</c>, <c>DB_ENV_KEY</c>), then each
/// container's set numbered by its container number (<c>DB_1_...</c>, <c>DB_2_...</c>).
/// <c>_NAME</c> is the linked container's own name (e.g. <c>mysql-1</c>): Docker's <c>/linker/alias</c> form names
/// the linking container, which one set of variables shared by all of a service's containers cannot.
/// </summary>
public static class LinkVariables
{
    /// <summary>Variables of the linked container that Docker leaves out of <c>_ENV_</c>: its build's, not its own.</summary>
    private static readonly HashSet<string> SkippedEnvironment = ["HOME", "PATH"];

    /// <summary>Compose-style variables for one link alias over the linked service's containers (ordered by Number).</summary>
    public static IReadOnlyList<EnvironmentVariable> For(string alias, IReadOnlyList<LinkedContainer> containers)
    {
        var ordered = containers.OrderBy(c => c.Number).ToList();
        if (ordered.Count == 0)
            return [];

        var prefix = LinkAliases.VariablePrefix(alias);
        var variables = new List<EnvironmentVariable>();
        var first = ordered[0];
        if (SortedPorts(first).FirstOrDefault() is { } lowest)
            variables.Add(new($"{prefix}_PORT", Url(first, lowest)));

        variables.AddRange(ContainerSet(prefix, first));
        foreach (var container in ordered)
            variables.AddRange(ContainerSet($"{prefix}_{container.Number}", container));

        return variables;
    }

    /// <summary>Host names that resolve to the linked containers: alias (first container) and alias-n for each.</summary>
    public static IReadOnlyList<HostAlias> Hosts(string alias, IReadOnlyList<LinkedContainer> containers)
    {
        var reachable = containers.Where(c => c.Address.Length > 0).OrderBy(c => c.Number).ToList();
        if (reachable.Count == 0)
            return [];

        return [new HostAlias(alias, reachable[0].Address), .. reachable.Select(c => new HostAlias(ContainerNames.Of(alias, c.Number), c.Address))];
    }

    private static IEnumerable<EnvironmentVariable> ContainerSet(string prefix, LinkedContainer container)
    {
        yield return new($"{prefix}_NAME", container.Name);
        foreach (var port in SortedPorts(container))
        {
            var name = $"{prefix}_PORT_{port.InnerPort}_{port.Protocol.ToUpperInvariant()}";
            yield return new(name, Url(container, port));
            yield return new($"{name}_ADDR", container.Address);
            yield return new($"{name}_PORT", port.ReachablePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield return new($"{name}_PROTO", port.Protocol.ToLowerInvariant());
        }

        foreach (var variable in container.Environment.Where(v => !SkippedEnvironment.Contains(v.Key)))
            yield return new($"{prefix}_ENV_{variable.Key}", variable.Value);
    }

    /// <summary>Docker's order: by port number, tcp before udp.</summary>
    private static IEnumerable<LinkedPort> SortedPorts(LinkedContainer container) =>
        container.Ports.OrderBy(p => p.InnerPort).ThenBy(p => p.Protocol.ToLowerInvariant(), StringComparer.Ordinal);

    private static string Url(LinkedContainer container, LinkedPort port) =>
        $"{port.Protocol.ToLowerInvariant()}://{container.Address}:{port.ReachablePort}";
}
