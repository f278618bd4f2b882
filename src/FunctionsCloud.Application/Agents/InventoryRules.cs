using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Agents;

/// <summary>Bounds on what agents report, so that a broken or hostile agent cannot store nonsense.</summary>
public sealed class InventoryRules
{
    public const int MaxDockerVersionLength = 64;
    public const int MaxHostnameLength = 253;

    public void Validate(NodeInventory? inventory, string? hostname = null)
    {
        var validator = new Validator()
            .Require(hostname is null || (hostname.Length <= MaxHostnameLength && hostname.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')),
                "hostname", $"must be a host name of at most {MaxHostnameLength} characters.");
        if (inventory is not null)
        {
            validator
                .Require(inventory.Cpu is >= 1 and <= 4096, "inventory.cpu", "must be between 1 and 4096.")
                .Require(inventory.MemoryMb is >= 0 and <= 64L * 1024 * 1024, "inventory.memory", "must be between 0 and 67108864 MB.")
                .Require(inventory.DiskGb is >= 0 and <= 1024L * 1024, "inventory.disk", "must be between 0 and 1048576 GB.")
                .DockerVersion("inventory.docker_version", inventory.DockerVersion);
        }

        validator.ThrowIfInvalid();
    }

    /// <summary>The engine's version as agents report it, in their inventory and after an engine upgrade.</summary>
    public static bool IsDockerVersion(string? version) =>
        version is null || (version.Length <= MaxDockerVersionLength && version.All(c => c is > ' ' and < '\u007f'));
}
