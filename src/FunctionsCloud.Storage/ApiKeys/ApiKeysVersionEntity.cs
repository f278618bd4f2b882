using Azure;
using Azure.Data.Tables;

namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>
/// The version of a user's keys, in the user's partition beside them: every key added through
/// <see cref="IApiKeyStore.AddAsync"/> writes it with If-Match (or adds it) in the same transaction as the key, so a
/// decision made over the keys read after it (the label is free, the user is under the limit) still holds when the key
/// is written, or the write fails and is decided again. A revocation leaves it as it is: it only frees a label or a
/// place, so a decision made before one is at most stricter than it had to be. Its RowKey sorts after every key hash
/// (hex) and is none.
/// </summary>
internal sealed class ApiKeysVersionEntity : ITableEntity
{
    public const string Row = "~version";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>A fresh value at each write (the ETag is what guards; this shows the row changed).</summary>
    public string Version { get; set; } = "";
}
