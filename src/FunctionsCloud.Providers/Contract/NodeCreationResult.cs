namespace FunctionsCloud.Providers.Contract;

public sealed record NodeCreationResult(
    Guid NodeUuid,
    bool Succeeded,
    string? ProviderId = null,
    string? AvailabilityZone = null,
    string? PublicIp = null,
    string? Error = null)
{
    public static NodeCreationResult Created(Guid nodeUuid, string providerId, string? availabilityZone = null, string? publicIp = null) =>
        new(nodeUuid, true, providerId, availabilityZone, publicIp);

    public static NodeCreationResult Failed(Guid nodeUuid, string error) => new(nodeUuid, false, Error: error);
}
