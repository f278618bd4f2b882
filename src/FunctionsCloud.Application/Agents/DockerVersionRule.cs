using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Agents;

/// <summary>The docker_version rule, for each place an agent reports one.</summary>
public static class DockerVersionRule
{
    public static Validator DockerVersion(this Validator validator, string field, string? version) =>
        validator.Require(InventoryRules.IsDockerVersion(version), field, $"must be printable ASCII of at most {InventoryRules.MaxDockerVersionLength} characters.");
}
