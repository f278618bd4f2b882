namespace FunctionsCloud.Application.Services;

/// <summary>
/// PATCH: each field given is changed. A new target_num_containers on a deployed service scales it (an operation);
/// the runtime fields change the stored spec, which containers take at their next redeploy, as in Docker Cloud.
/// </summary>
public sealed record PatchServiceRequest : ServiceFieldsRequest;
