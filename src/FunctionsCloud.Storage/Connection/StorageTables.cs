using FunctionsCloud.Storage.Changes;

namespace FunctionsCloud.Storage.Connection;

/// <summary>The app's tables on one account; one instance per process so each table is created once.</summary>
internal sealed class StorageTables
{
    private readonly StorageClients _clients;
    private readonly List<StorageTable> _objectTables = [];

    public StorageTables(StorageClients clients, TableNames names, TimeProvider? clock = null)
    {
        _clients = clients;
        Names = names;
        Changes = new ChangeLog(Table(names.Changes), _objectTables, clock ?? TimeProvider.System);
        // The tables of the objects the event stream tells about: a new kind of object is one more line here.
        NodeClusters = Objects(names.NodeClusters);
        Nodes = Objects(names.Nodes);
        Actions = Objects(names.Actions);
        Services = Objects(names.Services);
        Stacks = Objects(names.Stacks);
        Containers = Objects(names.Containers);
        ApiKeys = Table(names.ApiKeys);
        Accounts = Table(names.Accounts);
        Events = Table(names.Events);
        RegistrationTokens = Table(names.RegistrationTokens);
        ProviderAccounts = Table(names.ProviderAccounts);
        Repositories = Table(names.Repositories);
        Triggers = Table(names.Triggers);
        TriggerSecrets = Table(names.TriggerSecrets);
        TriggerCalls = Table(names.TriggerCalls);
        CommandReceipts = Table(names.CommandReceipts);
    }

    public TableNames Names { get; }

    /// <summary>Every namespace's ordered change log, fed by the writes of the object tables.</summary>
    public ChangeLog Changes { get; }

    public StorageTable NodeClusters { get; }
    public StorageTable Nodes { get; }
    public StorageTable Actions { get; }
    public StorageTable Services { get; }
    public StorageTable Stacks { get; }
    public StorageTable Containers { get; }
    public StorageTable ApiKeys { get; }
    public StorageTable Accounts { get; }
    public StorageTable Events { get; }
    public StorageTable RegistrationTokens { get; }
    public StorageTable ProviderAccounts { get; }
    public StorageTable Repositories { get; }
    public StorageTable Triggers { get; }
    public StorageTable TriggerSecrets { get; }
    public StorageTable TriggerCalls { get; }
    public StorageTable CommandReceipts { get; }

    /// <summary>A table outside the fixed set (a liveness shard's): its holder keeps it, so it is created once per holder.</summary>
    public StorageTable Open(string tableName) => Table(tableName);

    private StorageTable Table(string name) => new(_clients.Tables.GetTableClient(name));

    /// <summary>A table of objects: its writes add their changes to the outbox beside them, relayed to <see cref="Changes"/>.</summary>
    private StorageTable Objects(string name)
    {
        var table = new StorageTable(_clients.Tables.GetTableClient(name), Changes);
        _objectTables.Add(table);
        return table;
    }
}
