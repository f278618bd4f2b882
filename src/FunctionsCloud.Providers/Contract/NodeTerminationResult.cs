namespace FunctionsCloud.Providers.Contract;

public sealed record NodeTerminationResult(Guid NodeUuid, bool Succeeded, string? Error = null);
