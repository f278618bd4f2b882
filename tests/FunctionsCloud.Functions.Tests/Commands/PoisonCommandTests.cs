using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Storage.Commands;
using FunctionsCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Functions.Tests.Commands;

/// <summary>A command whose storage keeps failing is retried, then poisoned, and shown by the API without its credential.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PoisonCommandTests : IAsyncLifetime
{
    private readonly UnavailableReceiptStore _receipts = new();
    private FunctionsCloudTestHost _app = null!;

    public async Task InitializeAsync() =>
        _app = await FunctionsCloudTestHost.StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<ICommandReceiptStore>(_receipts)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_transient_failure_reaches_the_poison_queue_after_the_retries_and_is_listed_without_the_credential()
    {
        var given = new ServiceArrangements(_app);
        var web = await given.CreateAsync("web");
        await given.SetStateAsync(web, ServiceState.Running);
        var queue = new CommandQueueDriver(_app);

        await queue.SendAsync(new { id = "nightly", authorization = queue.AdminCredential, target = new { kind = "service", name = "web" }, operation = "redeploy" });

        var listed = await CommandQueueDriver.UntilAsync(async () =>
        {
            var page = await _app.GetJsonAsync("/api/audit/v1/poison/");
            return (int)page["meta"]!["total_count"]! > 0 ? page : null;
        }, "the message in the poison queue");
        var poisoned = Assert.Single(listed["objects"]!.AsArray())!;
        Assert.Equal(_app.Host.HostJson.QueueMaxDequeueCount, _receipts.Attempts);
        Assert.Equal(("nightly", "redeploy", "web"), ((string?)poisoned["body"]!["id"], (string?)poisoned["body"]!["operation"], (string?)poisoned["body"]!["target"]!["name"]));
        Assert.Null(poisoned["body"]!["authorization"]);
        Assert.NotNull(poisoned["inserted_on"]);
        Assert.DoesNotContain(queue.AdminCredential["Basic ".Length..], listed.ToJsonString());
        Assert.DoesNotContain(_app.AdminKey, listed.ToJsonString());
        Assert.Equal(ServiceState.Running, (await given.StoredAsync(web)).State);

        var bob = await given.OtherNamespaceClientAsync();
        Assert.Equal(0, (int)(await bob.GetFromJsonAsync<JsonObject>("/api/audit/v1/poison/"))!["meta"]!["total_count"]!);
    }
}
