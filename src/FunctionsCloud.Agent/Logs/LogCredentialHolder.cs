using Azure.Storage.Blobs;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Agent.Logs;

/// <summary>
/// The log credential of the last heartbeat answer that carried one, and a client of the node's log container
/// made with it. Heartbeats tell the control plane when it expires, which sends a new one in good time.
/// </summary>
public sealed class LogCredentialHolder
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile HeldCredential? _held;

    /// <summary>When the credential held expires, in epoch seconds; null before the first.</summary>
    public long? Expires => _held?.Credential.Expires;

    public void Accept(Guid nodeUuid, LogCredential? credential)
    {
        if (credential is null)
            return;
        _held = new HeldCredential(nodeUuid, credential, new BlobContainerClient(credential.Url));
        _first.TrySetResult();
    }

    /// <summary>The credential held now; waits for the first one.</summary>
    public async Task<HeldCredential> CurrentAsync(CancellationToken cancellationToken)
    {
        await _first.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _held!;
    }
}
