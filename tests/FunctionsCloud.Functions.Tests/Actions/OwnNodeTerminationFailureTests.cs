using System.Net;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Resources;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Storage.Containers;
using FunctionsCloud.Storage.Services;
using FunctionsCloud.Testing;
using FunctionsCloud.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static FunctionsCloud.Testing.FunctionsCloudTestHost;

namespace FunctionsCloud.Functions.Tests.Actions;

/// <summary>
/// On the real app and orchestrations: the terminate of a host of one's own whose containers could not move in time
/// (their Reschedule queued behind another operation of their service) fails and leaves the node Terminating, its
/// containers where they are; once they have moved, a retry of the action terminates it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OwnNodeTerminationFailureTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(new Dictionary<string, string?>
    {
        ["FunctionsCloud:ContainerTimeoutSeconds"] = "2", // the terminate waits at most 4 s for its Reschedules
        ["FunctionsCloud:ContainerPollSeconds"] = "1",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_host_whose_containers_could_not_move_stays_Terminating_and_a_retry_terminates_it_once_they_moved()
    {
        var node = await _app.RegisterNodeAsync();
        var arrangements = new ServiceArrangements(_app);
        var service = await arrangements.CreateAsync(new { name = "web", image_name = ServiceArrangements.Image, target_num_containers = 1 });
        await arrangements.SetStateAsync(service, ServiceState.Running);
        var container = await arrangements.AddContainerAsync(service, 1, ContainerState.Running, node.NodeUuid);
        await arrangements.HoldAsync(service, Guid.NewGuid()); // busy with an operation of its own: the Reschedule queues

        var delete = await _app.Client.DeleteAsync(ResourceUris.Node(node.NodeUuid));

        await ExpectAsync(delete, HttpStatusCode.Accepted);
        var failed = await _app.WaitForActionAsync(ActionUri(delete), Patience);
        Assert.Equal(("Failed", true), ((string?)failed["state"], (bool)failed["can_be_retried"]!));
        Assert.Contains("stays Terminating", await _app.ActionLogAsync(failed));
        var stranded = await _app.GetJsonAsync(ResourceUris.Node(node.NodeUuid));
        Assert.Equal(("Terminating", null), ((string?)stranded["state"], (string?)stranded["current_action"]));
        Assert.True((await Store<IContainerStore>().GetAsync(AdminNamespace, container.Uuid))!.IsLive);

        await Store<IServiceStore>().UpdateAsync(AdminNamespace, ServiceArrangements.Uuid(service), s =>
        {
            s.ActiveAction = null; // its operation is over: the queued Reschedule takes the container off the node
            return true;
        });
        await Eventually.HoldsAsync(async () => !(await Store<IContainerStore>().GetAsync(AdminNamespace, container.Uuid))!.IsLive,
            Patience, "the queued Reschedule took the container off the node");
        var retry = await _app.Client.PostAsync($"{ActionUri(delete)}retry/", null);

        await ExpectAsync(retry, HttpStatusCode.Accepted);
        var done = await _app.WaitForActionAsync(ActionUri(retry), Patience);
        Assert.Equal("Success", (string?)done["state"]);
        Assert.Equal("Terminated", (string?)(await _app.GetJsonAsync(ResourceUris.Node(node.NodeUuid)))["state"]);
    }

    private T Store<T>() where T : notnull => _app.Services.GetRequiredService<T>();
}
