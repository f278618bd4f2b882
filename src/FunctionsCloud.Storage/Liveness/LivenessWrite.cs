namespace FunctionsCloud.Storage.Liveness;

/// <summary>
/// One atomic change of a node's liveness, in one request: its pointer row merged with <see cref="Patch"/> if it
/// is still at <see cref="IfMatch"/>, and its due row moved. Either every part holds or nothing is written.
/// </summary>
/// <param name="IfMatch">The pointer's ETag, or "*" when the old due row's ETag guards the write instead.</param>
public sealed record LivenessWrite(string Namespace, Guid NodeUuid, string IfMatch, LivenessPatch Patch, DueMove? Due = null);
