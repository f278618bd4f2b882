namespace FunctionsCloud.Storage.Connection;

/// <summary>The app's tables on one account; one instance per process so each table is created once.</summary>
internal sealed class StorageTables(StorageClients clients, TableNames names)
{
    public TableNames Names { get; } = names;
    public StorageTable NodeClusters { get; } = new(clients.Tables.GetTableClient(names.NodeClusters));
    public StorageTable Nodes { get; } = new(clients.Tables.GetTableClient(names.Nodes));
    public StorageTable Actions { get; } = new(clients.Tables.GetTableClient(names.Actions));
    public StorageTable ApiKeys { get; } = new(clients.Tables.GetTableClient(names.ApiKeys));
    public StorageTable Accounts { get; } = new(clients.Tables.GetTableClient(names.Accounts));
    public StorageTable Events { get; } = new(clients.Tables.GetTableClient(names.Events));
    public StorageTable RegistrationTokens { get; } = new(clients.Tables.GetTableClient(names.RegistrationTokens));
    public StorageTable ProviderAccounts { get; } = new(clients.Tables.GetTableClient(names.ProviderAccounts));
    public StorageTable Repositories { get; } = new(clients.Tables.GetTableClient(names.Repositories));
    public StorageTable Services { get; } = new(clients.Tables.GetTableClient(names.Services));
    public StorageTable Containers { get; } = new(clients.Tables.GetTableClient(names.Containers));
    public StorageTable Triggers { get; } = new(clients.Tables.GetTableClient(names.Triggers));
    public StorageTable TriggerSecrets { get; } = new(clients.Tables.GetTableClient(names.TriggerSecrets));
    public StorageTable TriggerCalls { get; } = new(clients.Tables.GetTableClient(names.TriggerCalls));
    public StorageTable CommandReceipts { get; } = new(clients.Tables.GetTableClient(names.CommandReceipts));

    /// <summary>A table outside the fixed set (a liveness shard's): its holder keeps it, so it is created once per holder.</summary>
    public StorageTable Open(string tableName) => new(clients.Tables.GetTableClient(tableName));
}
