using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.Storage.Logs;

internal sealed class LogBlobs(BlobServiceClient blobs, UserDelegationKeys delegationKeys) : ILogBlobs
{
    private const BlobContainerSasPermissions NodePermissions = BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Add
        | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.List | BlobContainerSasPermissions.Delete;

    public async Task<Uri> IssueNodeSasAsync(Guid nodeUuid, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(LogBlobNames.ContainerOf(nodeUuid));
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var sas = new BlobSasBuilder(NodePermissions, expiresAt) { BlobContainerName = container.Name, Resource = "c", Protocol = SasProtocolFor(container.Uri) };
        if (container.CanGenerateSasUri)
            return container.GenerateSasUri(sas);

        // Shared keys are off in Azure: the SAS is signed with a user delegation key of the app's identity.
        var key = await delegationKeys.ForAsync(expiresAt, cancellationToken).ConfigureAwait(false);
        var query = sas.ToSasQueryParameters(key, blobs.AccountName);
        return new UriBuilder(container.Uri) { Query = query.ToString() }.Uri;
    }

    public async Task<IReadOnlyList<LogSegment>> ListSegmentsAsync(Guid nodeUuid, Guid containerUuid, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(LogBlobNames.ContainerOf(nodeUuid));
        var segments = new List<LogSegment>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, LogBlobNames.PrefixOf(containerUuid), cancellationToken).ConfigureAwait(false))
            {
                if (LogBlobNames.SegmentOf(blob.Name) is { } number)
                    segments.Add(new LogSegment(number, blob.Properties.ContentLength ?? 0, blob.Properties.LastModified ?? DateTimeOffset.MinValue));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The node never had a log credential: nothing was written.
        }

        return [.. segments.OrderBy(s => s.Number)];
    }

    public async Task<ReadOnlyMemory<byte>> ReadAsync(Guid nodeUuid, Guid containerUuid, long segment, long offset, long length, CancellationToken cancellationToken)
    {
        if (length <= 0)
            return ReadOnlyMemory<byte>.Empty;
        var blob = blobs.GetBlobContainerClient(LogBlobNames.ContainerOf(nodeUuid)).GetBlobClient(LogBlobNames.Segment(containerUuid, segment));
        try
        {
            var content = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToMemory();
        }
        catch (RequestFailedException e) when (e.Status is 404 or 416)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
    }

    public async Task<int> DeleteWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var item in blobs.GetBlobContainersAsync(prefix: LogBlobNames.ContainerPrefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var container = blobs.GetBlobContainerClient(item.Name);
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (blob.Properties.LastModified < cutoff
                    && (await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false)).Value)
                    deleted++;
            }
        }

        return deleted;
    }

    // Azurite speaks plain HTTP; Azure always HTTPS, and then only HTTPS is allowed.
    private static SasProtocol SasProtocolFor(Uri uri) => uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp;
}
