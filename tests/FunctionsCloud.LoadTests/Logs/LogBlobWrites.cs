using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using FunctionsCloud.Domain.Logs;

namespace FunctionsCloud.LoadTests.Logs;

/// <summary>
/// The nodes' log blobs as storage holds them, to count what the agents wrote between two looks: each append adds a
/// committed block, so the writes are the blocks added, plus the segments created and deleted.
/// </summary>
public sealed class LogBlobWrites(string connectionString)
{
    private readonly BlobServiceClient _blobs = new(connectionString);

    /// <summary>Each log segment's committed block count, by container and name.</summary>
    public async Task<IReadOnlyDictionary<string, int>> LookAsync()
    {
        var blocks = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var container in _blobs.GetBlobContainersAsync(prefix: LogBlobNames.ContainerPrefix))
        {
            var client = _blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var properties = await client.GetAppendBlobClient(blob.Name).GetPropertiesAsync();
                blocks[$"{container.Name}/{blob.Name}"] = properties.Value.BlobCommittedBlockCount;
            }
        }

        return blocks;
    }

    /// <summary>The writes between two looks: blocks appended, segments created (and their blocks), segments deleted.</summary>
    public static int Between(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after)
    {
        var writes = before.Keys.Count(name => !after.ContainsKey(name));
        foreach (var (name, blocks) in after)
            writes += before.TryGetValue(name, out var had) ? Math.Max(0, blocks - had) : 1 + blocks;
        return writes;
    }
}
