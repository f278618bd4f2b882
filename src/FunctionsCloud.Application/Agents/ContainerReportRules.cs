using System.Net;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Agents;

/// <summary>Bounds on the container report of a heartbeat, so that a broken or hostile agent cannot store nonsense.</summary>
public static class ContainerReportRules
{
    public const int MaxContainers = 500;
    public const int MaxPortsPerContainer = 100;
    public const int MaxMessageLength = ReportLimits.MaxMessageLength;
    public const int MaxDockerIdLength = 64;
    private const string Field = "containers";

    /// <summary>Throws a 400 naming every bad field (e.g. <c>containers[3].ports[0].inner_port</c>); null (no report) is valid.</summary>
    public static void Validate(IReadOnlyList<ReportedContainer?>? report)
    {
        if (report is null)
            return;
        var validator = new Validator();
        if (report.Count > MaxContainers)
            validator.Add(Field, $"must list at most {MaxContainers} containers, listed {report.Count}.").ThrowIfInvalid();
        for (var i = 0; i < report.Count; i++)
            Check(validator, $"{Field}[{i}]", report[i]);
        foreach (var twice in report.OfType<ReportedContainer>().CountBy(c => c.Uuid).Where(c => c.Value > 1))
            validator.Add(Field, $"lists container {twice.Key:D} {twice.Value} times.");
        validator.ThrowIfInvalid();
    }

    private static void Check(Validator validator, string field, ReportedContainer? container)
    {
        if (container is null)
        {
            validator.Add(field, "must be a container object.");
            return;
        }

        validator
            .Require(container.Uuid != Guid.Empty, $"{field}.uuid", "is required.")
            .Require(container.Revision >= 1, $"{field}.revision", "must be 1 or more.")
            .Require(container.State is not null && ReportedStates.All.Contains(container.State), $"{field}.state",
                $"must be one of {string.Join(", ", ReportedStates.All.Order(StringComparer.Ordinal))}.")
            .Require(container.Message is null || container.Message.Length <= MaxMessageLength, $"{field}.message", $"must be at most {MaxMessageLength} characters.")
            .Require(container.DockerId is null || (container.DockerId.Length <= MaxDockerIdLength && container.DockerId.All(char.IsAsciiHexDigit)),
                $"{field}.docker_id", $"must be hexadecimal of at most {MaxDockerIdLength} characters.")
            .Require(container.PrivateIp is null || IPAddress.TryParse(container.PrivateIp, out _), $"{field}.private_ip", "must be an IP address.");
        CheckPorts(validator, $"{field}.ports", container.Ports ?? []);
        CheckImageEnv(validator, $"{field}.image_env", container.ImageEnv);
    }

    private static void CheckImageEnv(Validator validator, string field, IReadOnlyList<EnvironmentVariable?>? variables)
    {
        if (variables is null)
            return;
        if (variables.Count > ImageEnvironmentRules.MaxVariables)
        {
            validator.Add(field, $"must list at most {ImageEnvironmentRules.MaxVariables} variables.");
            return;
        }

        var problems = variables.Select((v, i) => (Index: i, Problem: ImageEnvironmentRules.Problem(v))).Where(p => p.Problem is not null).ToList();
        foreach (var (index, problem) in problems)
            validator.Add($"{field}[{index}]", problem!);
        if (problems.Count == 0 && ImageEnvironmentRules.LengthOf(variables!) > ImageEnvironmentRules.MaxLength)
            validator.Add(field, $"keys and values together must be at most {ImageEnvironmentRules.MaxLength} characters.");
    }

    private static void CheckPorts(Validator validator, string field, IReadOnlyList<BoundPort?> ports)
    {
        if (ports.Count > MaxPortsPerContainer)
        {
            validator.Add(field, $"must list at most {MaxPortsPerContainer} ports.");
            return;
        }

        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not { } port)
            {
                validator.Add($"{field}[{i}]", "must be a port object.");
                continue;
            }

            validator
                .Require(port.Protocol is ContainerPort.Tcp or ContainerPort.Udp, $"{field}[{i}].protocol", $"must be {ContainerPort.Tcp} or {ContainerPort.Udp}.")
                .Require(IsPort(port.InnerPort), $"{field}[{i}].inner_port", "must be between 1 and 65535.")
                .Require(port.OuterPort is null || IsPort(port.OuterPort.Value), $"{field}[{i}].outer_port", "must be between 1 and 65535 (or null: not published).");
        }
    }

    private static bool IsPort(int port) => port is >= 1 and <= 65535;
}
