using FunctionsCloud.Domain.Placement;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.States;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Services;

/// <summary>
/// Checks every field a create or patch request gives, adding each problem to the validator under the field's
/// name, and turns each acceptable field into the change it makes. Links are resolved apart: they need the store.
/// </summary>
public sealed class ServiceFieldReader(Validator validator, int maxContainers)
{
    private readonly ServiceChanges _changes = new();

    public ServiceChanges Read(ServiceFieldsRequest request)
    {
        if (request.ImageName is { } image)
            Take("image_name", FieldLimits.Text(image, FieldLimits.ImageName) ?? ImageReference.Check(image), s => s.ImageName = image);
        if (request.Nickname is { } nickname)
            Take("nickname", ResourceNames.CheckNickname(nickname), s => s.Nickname = nickname);
        if (request.TargetNumContainers is { } target)
            ReadTarget(target);
        if (request.DeploymentStrategy is { } strategy)
            ReadEnum<DeploymentStrategy>("deployment_strategy", strategy, (s, value) => s.DeploymentStrategy = value, value => _changes.Strategy = value);
        if (request.Tags is { } tags && Fits("tags", tags.Count, FieldLimits.Tags))
            ReadTags(tags.Select(t => t?.Name ?? "").ToList());
        if (request.ContainerPorts is { } ports && Fits("container_ports", ports.Count, FieldLimits.ContainerPorts))
            ReadPorts(ports);
        if (request.ContainerEnvvars is { } variables && Fits("container_envvars", variables.Count, FieldLimits.ContainerEnvvars))
            ReadVariables(variables);
        if (request.RunCommand is { } command)
            ReadCommand("run_command", command, FieldLimits.RunCommand, (s, words) => s.RunCommand = words);
        if (request.Entrypoint is { } entrypoint)
            ReadCommand("entrypoint", entrypoint, FieldLimits.Entrypoint, (s, words) => s.Entrypoint = words);
        if (request.WorkingDir is { } workingDir)
            Take("working_dir", FieldLimits.Text(workingDir, FieldLimits.WorkingDir) ?? ServiceRules.WorkingDirProblem(workingDir), s => s.WorkingDir = workingDir.Length == 0 ? null : workingDir);
        if (request.Memory is { } memory)
            Take("memory", ServiceRules.MemoryProblem(memory), s => s.Memory = memory);
        if (request.CpuShares is { } cpuShares)
            Take("cpu_shares", ServiceRules.CpuSharesProblem(cpuShares), s => s.CpuShares = cpuShares);
        if (request.Autorestart is { } autorestart)
            ReadEnum<Autorestart>("autorestart", autorestart, (s, value) => s.Autorestart = value);
        if (request.Autodestroy is { } autodestroy)
            ReadEnum<Autodestroy>("autodestroy", autodestroy, (s, value) => s.Autodestroy = value);
        if (request.Autoredeploy is { } autoredeploy)
            _changes.Add(s => s.Autoredeploy = autoredeploy);
        if (request.SequentialDeployment is { } sequential)
            _changes.Add(s => s.SequentialDeployment = sequential);
        if (request.Privileged is { } privileged)
            _changes.Add(s => s.Privileged = privileged);
        if (request.Net is { } net)
            ReadEnum<NetworkMode>("net", net, (s, value) => s.Net = value);
        if (request.Pid is { } pid)
            ReadEnum<PidMode>("pid", pid, (s, value) => s.Pid = value);
        if (request.Roles is { Count: > 0 })
            validator.Add("roles", "no API roles are offered to containers; send [] or leave it out.");
        return _changes;
    }

    /// <summary>Records the problem, or the change when there is none.</summary>
    private void Take(string field, string? problem, Action<Service> change)
    {
        if (problem is null)
            _changes.Add(change);
        else
            validator.Add(field, problem);
    }

    /// <summary>Whether a list is within its limit; records the problem when it is not.</summary>
    private bool Fits(string field, int count, int max)
    {
        if (FieldLimits.Items(count, max) is not { } problem)
            return true;
        validator.Add(field, problem);
        return false;
    }

    private void TakeAll(string field, IReadOnlyList<string> problems, Action<Service> change)
    {
        foreach (var problem in problems)
            validator.Add(field, problem);
        if (problems.Count == 0)
            _changes.Add(change);
    }

    private void ReadTarget(int target)
    {
        if (target < 0 || target > maxContainers)
            validator.Add("target_num_containers", $"must be between 0 and {maxContainers}, was {target}.");
        else
            _changes.Target = target;
    }

    private void ReadEnum<TEnum>(string field, string name, Action<Service, TEnum> apply, Action<TEnum>? keep = null) where TEnum : struct, Enum
    {
        if (!ApiNames.TryParse<TEnum>(name, out var value))
        {
            validator.Add(field, $"'{name}' is not one of {string.Join(", ", ApiNames.All<TEnum>())}.");
            return;
        }

        keep?.Invoke(value);
        _changes.Add(s => apply(s, value));
    }

    private void ReadTags(IReadOnlyList<string> tags)
    {
        var problems = tags.Select(ResourceNames.CheckTag).OfType<string>().ToList();
        TakeAll("tags", problems, s => s.Tags = tags.Distinct(StringComparer.Ordinal).ToList());
    }

    private void ReadPorts(IReadOnlyList<ContainerPortRequest?> requests)
    {
        if (requests.Any(p => p?.InnerPort is null))
        {
            validator.Add("container_ports", "every port needs an inner_port.");
            return;
        }

        var ports = requests.Select(p => new ContainerPort(p!.Protocol ?? ContainerPort.Tcp, p.InnerPort!.Value, p.OuterPort, p.Published ?? p.OuterPort is not null)).ToList();
        TakeAll("container_ports", PortRules.Problems(ports), s => s.ContainerPorts = ports);
    }

    private void ReadVariables(IReadOnlyList<EnvironmentVariableRequest?> requests)
    {
        if (requests.Any(v => v?.Key is null || v.Value is null))
        {
            validator.Add("container_envvars", "every variable needs a key and a value (\"\" for an empty one).");
            return;
        }

        var variables = requests.Select(v => new EnvironmentVariable(v!.Key!, v.Value!)).ToList();
        var characters = variables.Sum(v => v.Key.Length + v.Value.Length);
        if (characters > FieldLimits.ContainerEnvvarsCharacters)
        {
            validator.Add("container_envvars", $"keys and values together must be at most {FieldLimits.ContainerEnvvarsCharacters} characters, were {characters}.");
            return;
        }

        TakeAll("container_envvars", EnvironmentRules.Problems(variables), s => s.ContainerEnvvars = variables);
    }

    /// <summary>A command line as its arguments; an empty one gives the image's own back.</summary>
    private void ReadCommand(string field, string text, int max, Action<Service, IReadOnlyList<string>?> apply)
    {
        if (FieldLimits.Text(text, max) is { } tooLong)
        {
            validator.Add(field, tooLong);
            return;
        }

        var words = CommandLine.Split(text, out var problem);
        Take(field, problem, s => apply(s, words is { Count: > 0 } ? words : null));
    }
}
