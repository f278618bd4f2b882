using Azure.Data.Tables;
using Azure.Storage.Queues;
using FunctionsCloud.Storage.Actions;
using FunctionsCloud.Storage.ApiKeys;
using FunctionsCloud.Storage.Connection;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Nodes;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsCloud.Storage.Tests.Connection;

[Collection(AzuriteCollection.Name)]
public sealed class StorageRegistrationTests
{
    private readonly string _prefix = AzuriteFixture.UniquePrefix();

    private ServiceProvider Provider() => new ServiceCollection()
        .AddFunctionsCloudStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = AzuriteFixture.ConnectionString,
            [TableNames.PrefixSetting] = _prefix,
        }).Build())
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void Clients_and_stores_are_singletons()
    {
        using var provider = Provider();

        Assert.Same(provider.GetRequiredService<INodeStore>(), provider.GetRequiredService<INodeStore>());
        Assert.Same(provider.GetRequiredService<StorageClients>().Tables, provider.GetRequiredService<TableServiceClient>());
        Assert.NotNull(provider.GetRequiredService<QueueServiceClient>());
        Assert.NotNull(provider.GetRequiredService<INodeClusterStore>());
        Assert.NotNull(provider.GetRequiredService<IActionStore>());
        Assert.NotNull(provider.GetRequiredService<IApiKeyStore>());
        Assert.Same(provider.GetRequiredService<IServiceStore>(), provider.GetRequiredService<IServiceStore>());
        Assert.Same(provider.GetRequiredService<IContainerStore>(), provider.GetRequiredService<IContainerStore>());
    }

    [Fact]
    public async Task Registered_stores_create_their_tables_under_the_prefix_on_first_use()
    {
        using var provider = Provider();
        var clusters = provider.GetRequiredService<INodeClusterStore>();
        var cluster = Samples.Cluster();

        await clusters.CreateAsync(cluster);

        Assert.NotNull(await clusters.GetAsync(cluster.Namespace, cluster.Uuid));
        var tables = provider.GetRequiredService<TableServiceClient>().QueryAsync(t => t.Name == _prefix + "NodeClusters");
        Assert.NotNull(await tables.FirstOrDefaultAsync());
    }
}
