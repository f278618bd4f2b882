using System.Globalization;
using System.Text.RegularExpressions;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Services;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;
using YamlDotNet.RepresentationModel;

namespace FunctionsCloud.Application.Stacks.Stackfiles;

/// <summary>
/// One service of a stackfile: each key of the reference turned into the API field it stands for, in the form the
/// service create body takes; a key that is unknown, unsupported or of the wrong shape is a problem at its line.
/// </summary>
internal sealed partial class StackfileServiceReader(string name, YamlNode nameNode, List<ValidationError> problems)
{
    private readonly Dictionary<string, StackfilePlace> _places = new(StringComparer.Ordinal)
    {
        [""] = new StackfilePlace(name, "", nameNode.Start.Line, nameNode.Start.Column),
    };

    private readonly List<ContainerPortRequest?> _ports = [];
    private readonly List<ServiceBindingRequest?> _bindings = [];
    private CreateServiceRequest _request = new() { Name = name };

    public StackfileService Read(YamlMappingNode service)
    {
        foreach (var (keyNode, value) in service.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (StackfileKeys.Fields.TryGetValue(key, out var field))
            {
                _places[field] = new StackfilePlace(name, key, keyNode.Start.Line, keyNode.Start.Column);
                Take(key, value);
            }
            else if (StackfileKeys.Unsupported.Contains(key))
                Problem(key, keyNode, $"'{key}' is a Docker Cloud stackfile key whose setting FunctionsCloud's services do not have; leave it out.");
            else
                Problem(key.Length == 0 ? "" : key, keyNode,
                    $"'{key}' is not a stackfile key; known keys are {string.Join(", ", StackfileKeys.Fields.Keys.Order(StringComparer.Ordinal))}.");
        }

        if (_ports.Count > 0)
            _request = _request with { ContainerPorts = _ports };
        if (_bindings.Count > 0)
            _request = _request with { Bindings = _bindings };
        if (_request.ImageName is null)
            Problem("image", nameNode, "every service needs an image.");
        return new StackfileService(_request, _places);
    }

    private void Take(string key, YamlNode value)
    {
        switch (key)
        {
            case "image": Set(Text(key, value), v => _request with { ImageName = v }); break;
            case "command": Set(Command(key, value), v => _request with { RunCommand = v }); break;
            case "entrypoint": Set(Command(key, value), v => _request with { Entrypoint = v }); break;
            case "environment": Set(Environment(key, value), v => _request with { ContainerEnvvars = v }); break;
            case "ports": Ports(key, value, published: true); break;
            case "expose": Ports(key, value, published: false); break;
            case "links": Set(Links(key, value), v => _request with { LinkedToService = v }); break;
            case "target_num_containers": Set(Number(key, value), v => _request with { TargetNumContainers = (int)v }); break;
            case "deployment_strategy": Set(Text(key, value), v => _request with { DeploymentStrategy = v }); break;
            case "tags": Set(Texts(key, value), v => _request with { Tags = v.Select(t => new TagResource(t)).ToList() }); break;
            case "autorestart" or "restart": Set(Text(key, value), v => _request with { Autorestart = Policy(v, "on-failure", "ON_FAILURE") }); break;
            case "autodestroy": Set(Text(key, value), v => _request with { Autodestroy = Policy(v, "on-success", "ON_SUCCESS") }); break;
            case "autoredeploy": Set(Flag(key, value), v => _request with { Autoredeploy = v }); break;
            case "sequential_deployment": Set(Flag(key, value), v => _request with { SequentialDeployment = v }); break;
            case "working_dir": Set(Text(key, value), v => _request with { WorkingDir = v }); break;
            case "mem_limit": Set(Megabytes(key, value), v => _request with { Memory = v }); break;
            case "cpu_shares": Set(Number(key, value), v => _request with { CpuShares = v }); break;
            case "roles": Set(Texts(key, value), v => _request with { Roles = v }); break;
            case "privileged": Set(Flag(key, value), v => _request with { Privileged = v }); break;
            case "net": Set(Text(key, value), v => _request with { Net = v }); break;
            case "pid": Set(Text(key, value), v => _request with { Pid = v }); break;
            case "volumes": Volumes(key, value); break;
            case "volumes_from": _bindings.AddRange((Texts(key, value) ?? []).Select(from => new ServiceBindingRequest(null, null, null, from))); break;
        }
    }

    private void Set<T>(T? value, Func<T, CreateServiceRequest> change) where T : class
    {
        if (value is not null)
            _request = change(value);
    }

    private void Set<T>(T? value, Func<T, CreateServiceRequest> change) where T : struct
    {
        if (value is { } given)
            _request = change(given);
    }

    /// <summary>Docker Cloud's stackfile spells the policies as Compose does ("no", "on-failure"); the API's names pass too.</summary>
    private static string Policy(string value, string dashed, string api) =>
        value.ToLowerInvariant() switch
        {
            "no" => "OFF",
            "always" => "ALWAYS",
            var v when v == dashed => api,
            _ => value,
        };

    private string? Text(string key, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && (text.Length > 0 || scalar.Style != YamlDotNet.Core.ScalarStyle.Plain))
            return text;
        Problem(key, node, node is YamlScalarNode ? "needs a value." : "must be a single value, not a list or a map.");
        return null;
    }

    private List<string>? Texts(string key, YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            Problem(key, node, "must be a list.");
            return null;
        }

        var items = list.Children.Select(item => Text(key, item)).ToList();
        return items.All(i => i is not null) ? items.Select(i => i!).ToList() : null;
    }

    /// <summary>A command as one line, or as a list of arguments (joined so that splitting it gives them back).</summary>
    private string? Command(string key, YamlNode node) =>
        node is YamlSequenceNode ? Texts(key, node) is { } words ? CommandLine.Join(words) : null : Text(key, node);

    private long? Number(string key, YamlNode node)
    {
        if (Text(key, node) is not { } text)
            return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number is >= int.MinValue and <= int.MaxValue)
            return number;
        Problem(key, node, $"'{text}' is not a whole number.");
        return null;
    }

    private bool? Flag(string key, YamlNode node)
    {
        if (Text(key, node) is not { } text)
            return null;
        if (bool.TryParse(text, out var flag))
            return flag;
        Problem(key, node, $"'{text}' is neither true nor false.");
        return null;
    }

    /// <summary>Bytes with an optional unit (b, k, m, g), as Compose writes them, in whole megabytes.</summary>
    private long? Megabytes(string key, YamlNode node)
    {
        if (Text(key, node) is not { } text)
            return null;
        var match = MemoryPattern().Match(text);
        var unit = match.Success ? match.Groups[2].Value.ToLowerInvariant() : "";
        var scale = unit switch { "" or "b" => 1L, "k" => 1L << 10, "m" => 1L << 20, _ => 1L << 30 };
        if (match.Success && long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var amount) && amount <= long.MaxValue / scale
            && amount * scale % (1L << 20) == 0)
            return amount * scale >> 20;
        Problem(key, node, $"'{text}' is not a memory size in whole megabytes (e.g. 512m, 2g).");
        return null;
    }

    private List<EnvironmentVariableRequest?>? Environment(string key, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var pairs = map.Children.Select(p => (Key: Text(key, p.Key), Value: p.Value is YamlScalarNode { Value: var v } ? v ?? "" : Text(key, p.Value))).ToList();
                return pairs.All(p => p.Key is not null && p.Value is not null) ? pairs.Select(p => (EnvironmentVariableRequest?)new(p.Key, p.Value)).ToList() : null;
            case YamlSequenceNode list:
                var variables = new List<EnvironmentVariableRequest?>();
                foreach (var item in list.Children)
                {
                    if (Text(key, item) is not { } text)
                        return null;
                    if (text.IndexOf('=') is var equals && equals < 0)
                    {
                        Problem(key, item, $"'{text}' needs a value (KEY=VALUE): there is no shell here to take it from.");
                        return null;
                    }

                    variables.Add(new EnvironmentVariableRequest(text[..equals], text[(equals + 1)..]));
                }

                return variables;
            default:
                Problem(key, node, "must be a map of names to values, or a list of NAME=VALUE.");
                return null;
        }
    }

    /// <summary>"80", "8080:80", "80/udp", "8080:80/udp": published under ports, only exposed under expose.</summary>
    private void Ports(string key, YamlNode node, bool published)
    {
        foreach (var text in Texts(key, node) ?? [])
        {
            var match = PortPattern().Match(text);
            if (!match.Success || (!published && match.Groups[1].Success))
            {
                Problem(key, node, published
                    ? $"'{text}' is not a port: write INNER, OUTER:INNER, with /udp for UDP (an address or a range cannot be given)."
                    : $"'{text}' is not a port to expose: write INNER, with /udp for UDP.");
                continue;
            }

            int? outer = match.Groups[1].Success ? Port(match.Groups[1].Value) : null;
            _ports.Add(new ContainerPortRequest(match.Groups[3].Success ? match.Groups[3].Value.ToLowerInvariant() : null,
                Port(match.Groups[2].Value), outer, published));
        }
    }

    /// <summary>
    /// "/data" (a named volume of each container), "/data:ro", "/host:/data" or "/host:/data:ro|rw" (a host path), as
    /// Compose writes them; the paths are checked as any binding's.
    /// </summary>
    private void Volumes(string key, YamlNode node)
    {
        foreach (var text in Texts(key, node) ?? [])
        {
            var parts = text.Split(':');
            var (mode, paths) = parts.Length > 1 && parts[^1] is "ro" or "rw" ? (parts[^1], parts[..^1]) : (null, parts);
            if (paths.Length is < 1 or > 2 || paths.Any(p => p.Length == 0))
            {
                Problem(key, node, $"'{text}' is not a volume: write CONTAINER_PATH or HOST_PATH:CONTAINER_PATH, with :ro for read-only.");
                continue;
            }

            _bindings.Add(new ServiceBindingRequest(paths.Length == 2 ? paths[0] : null, paths[^1], mode is null ? null : mode == "rw", null));
        }
    }

    private static int Port(string digits) => int.TryParse(digits, CultureInfo.InvariantCulture, out var port) ? port : int.MaxValue;

    /// <summary>"db", or "db:alias": a service of this stack, by its name.</summary>
    private List<ServiceLinkRequest?>? Links(string key, YamlNode node) =>
        Texts(key, node)?.Select(text => text.Split(':', 2) is [var target, var alias]
            ? (ServiceLinkRequest?)new ServiceLinkRequest(alias, target)
            : new ServiceLinkRequest(null, text)).ToList();

    private void Problem(string key, YamlNode node, string message) =>
        problems.Add(new ValidationError(key.Length == 0 ? name : $"{name}.{key}", StackfileParser.At(node, message)));

    [GeneratedRegex("^([0-9]{1,19})\\s*([bkmgBKMG]?)[bB]?\\z")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex("^(?:([0-9]{1,9}):)?([0-9]{1,9})(?:/(tcp|udp|TCP|UDP))?\\z")]
    private static partial Regex PortPattern();
}
