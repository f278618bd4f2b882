using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Entities;

/// <summary>Deletes that a repeated call, or another instance, may find already done.</summary>
internal static class RowDeletion
{
    /// <summary>Deletes the row whatever its version; false when it was not there.</summary>
    public static async Task<bool> DeleteIfExistsAsync(TableClient client, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
