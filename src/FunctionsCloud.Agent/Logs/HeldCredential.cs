using Azure.Storage.Blobs;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Logs;

/// <summary>The log credential an agent holds, with a client of its node's log container. Its text never shows the SAS.</summary>
/// <param name="Container">The node's log container, reached with the credential's SAS.</param>
public sealed record HeldCredential(Guid NodeUuid, LogCredential Credential, BlobContainerClient Container)
{
    public override string ToString() => $"HeldCredential {{ NodeUuid = {NodeUuid}, Container = {Container.Name}, {Credential} }}";
}
