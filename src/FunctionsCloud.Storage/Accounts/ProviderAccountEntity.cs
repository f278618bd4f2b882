using Azure;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Accounts;

/// <summary>PartitionKey = namespace, RowKey = provider name.</summary>
internal sealed class ProviderAccountEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Sealed { get; set; } = "";
    public string Fields { get; set; } = "[]";
    public DateTimeOffset? LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";

    public static ProviderAccountEntity From(ProviderAccountRecord account) => new()
    {
        PartitionKey = account.Namespace,
        RowKey = account.Provider,
        Sealed = account.Sealed,
        Fields = StoredValues.Of(account.Fields),
        LinkedAt = StoredValues.Of(account.LinkedAt),
        LinkedBy = account.LinkedBy,
    };

    public ProviderAccountRecord ToRecord() => new()
    {
        Namespace = PartitionKey,
        Provider = RowKey,
        Sealed = Sealed,
        Fields = StoredValues.Tags(Fields),
        LinkedAt = StoredValues.DateOrDefault(LinkedAt),
        LinkedBy = LinkedBy,
    };
}
