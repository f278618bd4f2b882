using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>
/// The one row, in the keys' table, that changes whenever a key is revoked: instances compare it to the value they
/// last saw to learn that keys they remember may be revoked. Its partition cannot be a user's (user names have no '~'),
/// and its RowKey is no key hash (not hex).
/// </summary>
internal sealed class RevocationGenerationEntity : ITableEntity
{
    public const string Partition = "~revocations";
    public const string Row = "generation";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Generation { get; set; } = "";
}
