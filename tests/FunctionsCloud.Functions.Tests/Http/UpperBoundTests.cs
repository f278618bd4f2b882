using System.Net;
using System.Net.Http.Json;
using FunctionsCloud.Testing;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Http;

/// <summary>
/// Clusters and services say how far they may be scaled here (the settings), so that a client's slider offers
/// exactly what the API accepts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UpperBoundTests : IAsyncLifetime
{
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?>
    {
        ["FunctionsCloud:MaxNodesPerCluster"] = "7",
        ["FunctionsCloud:MaxContainersPerService"] = "9",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cluster_shows_the_configured_most_nodes_and_one_more_is_refused()
    {
        var cluster = await _app.CreateClusterAsync("bounded", 1);
        Assert.Equal(7, (int)cluster["max_num_nodes"]!);
        Assert.Equal(7, (int)(await _app.GetJsonAsync("/api/infra/v1/nodecluster/"))["objects"]![0]!["max_num_nodes"]!);

        var tooMany = await _app.Client.PatchAsJsonAsync((string)cluster["resource_uri"]!, new { target_num_nodes = 8 });
        await ExpectAsync(tooMany, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_service_shows_the_configured_most_containers_and_one_more_is_refused()
    {
        var created = await _app.Client.PostAsJsonAsync("/api/app/v1/service/", new { image_name = "functionscloud/busybox", name = "bounded" });
        await ExpectAsync(created, HttpStatusCode.Created);
        var service = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        Assert.Equal(9, (int)service["max_num_containers"]!);
        Assert.Equal(9, (int)(await _app.GetJsonAsync((string)service["resource_uri"]!))["max_num_containers"]!);

        var tooMany = await _app.Client.PatchAsJsonAsync((string)service["resource_uri"]!, new { target_num_containers = 10 });
        await ExpectAsync(tooMany, HttpStatusCode.BadRequest);
    }
}
