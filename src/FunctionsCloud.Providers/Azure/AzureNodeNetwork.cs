namespace FunctionsCloud.Providers.Azure;

/// <summary>
/// Removes a node's NIC and public IP when no VM took them with it (the VM was refused, or never made): the NIC first and
/// waited for (seconds), since a public IP still attached to a NIC cannot be deleted; then the public IP is started.
/// </summary>
public static class AzureNodeNetwork
{
    public static async Task DeleteAsync(AzureSession session, AzureClusterScope scope, Guid nodeUuid, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        await AzureGenericResources.DeleteAsync(session, scope.NetworkInterface(nodeUuid), wait: true, pollInterval, cancellationToken).ConfigureAwait(false);
        await AzureGenericResources.DeleteAsync(session, scope.PublicIp(nodeUuid), wait: false, pollInterval, cancellationToken).ConfigureAwait(false);
    }
}
