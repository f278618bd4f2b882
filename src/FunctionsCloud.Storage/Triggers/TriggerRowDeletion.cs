using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.Triggers;

/// <summary>Deletes that a repeated DELETE may find already done.</summary>
internal static class TriggerRowDeletion
{
    /// <summary>Deletes the row whatever its version; false when it was not there.</summary>
    public static async Task<bool> DeleteIfExistsAsync(TableClient client, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
