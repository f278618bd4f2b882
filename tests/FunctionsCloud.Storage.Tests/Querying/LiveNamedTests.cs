using FunctionsCloud.Domain.NodeClusters;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Storage.NodeClusters;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Storage.Tests.Services;
using FunctionsCloud.Storage.Tests.Support;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Storage.Tests.Querying;

/// <summary>Commands find their object by name among the live ones of the namespace.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LiveNamedTests
{
    private readonly TestStorage _storage = new(AzuriteFixture.UniquePrefix());

    [Fact]
    public async Task Services_of_the_name_that_are_not_terminated_in_this_namespace()
    {
        var services = new ServiceStore(_storage.Tables);
        var live = ServiceSamples.Service(name: "web");
        var gone = ServiceSamples.Service(name: "web", state: ServiceState.Terminated);
        foreach (var service in new[] { live, gone, ServiceSamples.Service(name: "db"), ServiceSamples.Service(@namespace: "other", name: "web") })
            await services.CreateAsync(service);

        Assert.Equal([live.Uuid], (await services.ListLiveNamedAsync(Samples.Namespace, "web")).Select(s => s.Uuid));
    }

    [Fact]
    public async Task Clusters_of_the_name_that_are_not_terminated_in_this_namespace()
    {
        var clusters = new NodeClusterStore(_storage.Tables);
        var live = Samples.Cluster(name: "web");
        var gone = Samples.Cluster(name: "web", state: NodeClusterState.Terminated);
        foreach (var cluster in new[] { live, gone, Samples.Cluster(name: "db"), Samples.Cluster(@namespace: "other", name: "web") })
            await clusters.CreateAsync(cluster);

        Assert.Equal([live.Uuid], (await clusters.ListLiveNamedAsync(Samples.Namespace, "web")).Select(c => c.Uuid));
    }
}
