using Azure.Core;
using Azure.Data.Tables;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Events;
using FunctionsCloud.Storage.Liveness;
using FunctionsCloud.Storage.Repositories;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Storage;

namespace FunctionsCloud.Storage.Tests.Support;

/// <summary>The real stores on Azurite under a table prefix of their own, optionally counting requests.</summary>
internal sealed class TestStorage
{
    public TestStorage(string prefix, RequestCounter? counter = null, EntityReadCounter? reads = null, TimeProvider? clock = null)
    {
        var options = new TableClientOptions();
        if (counter is not null)
            options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        if (reads is not null)
            options.AddPolicy(reads, HttpPipelinePosition.PerRetry);
        Clients = new StorageClients(StorageSettings.FromConnectionString(AzuriteFixture.ConnectionString), options);
        Names = new TableNames(prefix);
        Tables = new StorageTables(Clients, Names, clock);
        NodeClusters = new NodeClusterStore(Tables);
        Nodes = new NodeStore(Tables);
        Actions = new ActionStore(Tables);
        ApiKeys = new ApiKeyStore(Tables);
        Liveness = new LivenessStore(Tables, new LivenessShards(LivenessShards.Default));
        Events = new EventStore(Tables);
        Repositories = new RepositoryStore(Tables);
    }

    public StorageClients Clients { get; }
    public TableNames Names { get; }
    public StorageTables Tables { get; }
    public INodeClusterStore NodeClusters { get; }
    public INodeStore Nodes { get; }
    public IActionStore Actions { get; }
    public IApiKeyStore ApiKeys { get; }
    public ILivenessStore Liveness { get; }
    public IEventStore Events { get; }
    public IRepositoryStore Repositories { get; }

    /// <summary>A client on the same table that bypasses the stores, to look at rows as stored.</summary>
    public TableClient Raw(string tableName) => Clients.Tables.GetTableClient(tableName);
}
