using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Domain.Services;
using FunctionsCloud.Functions.Tests.Services;
using FunctionsCloud.Testing;
using static FunctionsCloud.Functions.Tests.Services.ServiceArrangements;

namespace FunctionsCloud.Functions.Tests.Commands;

/// <summary>
/// The command queue on the real app: messages start the operations the HTTP API starts, once per message id, with
/// the sender's key deciding what they may touch. Services are put in place directly, so no container needs to run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommandQueueTests : ServiceAppTests
{
    private CommandQueueDriver Queue => new(App);

    private object ScaleWeb(object web, string credential) => new
    {
        id = "build-42",
        authorization = credential,
        target = web,
        operation = "scale",
        count = 0,
        reply_to = App.TablePrefix + "-replies",
    };

    [Fact]
    public async Task A_message_scales_a_service_and_its_action_says_it_came_from_the_queue_and_who_sent_it()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var queue = Queue;

        await queue.SendAsync(ScaleWeb(new { kind = "service", name = "web" }, queue.AdminCredential));

        var reply = await queue.NextReplyAsync();
        Assert.Equal(("build-42", "Accepted", Uri(web)), ((string?)reply["id"], (string?)reply["state"], (string?)reply["object"]));
        var action = await App.GetJsonAsync((string)reply["action"]!);
        Assert.Equal(("Service Scale", "QUEUE", FunctionsCloudTestHost.AdminUser, $"queue://{App.TablePrefix}-commands/build-42"),
            ((string?)action["action"], (string?)action["method"], (string?)action["user"], (string?)action["path"]));
        Assert.Equal(0, (await Given.StoredAsync(web)).TargetNumContainers);

        var done = await queue.NextReplyAsync(); // the second reply: how the action ended
        Assert.Equal(("build-42", "Success", (string?)reply["action"]), ((string?)done["id"], (string?)done["state"], (string?)done["action"]));
    }

    [Fact]
    public async Task The_same_message_twice_starts_one_operation_and_both_hear_of_it()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var queue = Queue;
        var message = new { id = "deploy-7", authorization = queue.AdminCredential, target = new { kind = "service", uuid = (string)web["uuid"]! },
            operation = "scale", by = 1, reply_to = App.TablePrefix + "-replies" };

        await queue.SendAsync(message);
        var first = await queue.NextReplyAsync();
        var ended = await queue.NextReplyAsync(); // there is no node to scale onto: the action fails, and says why
        Assert.Equal(("Failed", (string?)first["action"]), ((string?)ended["state"], (string?)ended["action"]));
        Assert.Contains("No node", (string?)ended["reason"]);
        await queue.SendAsync(message);
        var second = await queue.NextReplyAsync();

        Assert.Equal("Accepted", (string?)first["state"]);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(2, (await Given.StoredAsync(web)).TargetNumContainers); // 1 + 1, once
        var actions = await App.GetJsonAsync("/api/audit/v1/action/?object=" + System.Uri.EscapeDataString(Uri(web)));
        Assert.Equal(1, (int)actions["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_bad_message_is_rejected_once_with_its_reason_and_never_reaches_the_poison_queue()
    {
        var web = await Given.CreateAsync("web");
        var queue = Queue;

        await queue.SendAsync(new { authorization = queue.AdminCredential, target = new { kind = "service", name = "web" }, operation = "explode",
            reply_to = App.TablePrefix + "-replies" });

        var reply = await queue.NextReplyAsync();
        Assert.Equal("Rejected", (string?)reply["state"]);
        Assert.Contains("operation: must be one of", (string?)reply["reason"]);
        await queue.DrainedAsync();
        Assert.Equal(0, await queue.PoisonCountAsync());
        var actions = await App.GetJsonAsync("/api/audit/v1/action/");
        var failed = Assert.Single(actions["objects"]!.AsArray());
        Assert.Equal(("Failed", "QUEUE", (string?)reply["action"]), ((string?)failed!["state"], (string?)failed["method"], (string?)failed["resource_uri"]));
        Assert.Contains("Rejected: operation: must be one of", await App.ActionLogAsync((string)failed["resource_uri"]!));
        Assert.Equal(ServiceState.NotRunning, (await Given.StoredAsync(web)).State);
    }

    [Fact]
    public async Task A_message_without_a_valid_key_is_rejected_and_writes_nothing()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var queue = Queue;

        await queue.SendAsync(ScaleWeb(new { kind = "service", name = "web" }, BasicCredentials.Header("admin", "not-the-key")));

        var reply = await queue.NextReplyAsync();
        Assert.Equal(("Rejected", null), ((string?)reply["state"], (string?)reply["action"]));
        Assert.Contains("not valid", (string?)reply["reason"]);
        await queue.DrainedAsync();
        Assert.Equal(0, await queue.PoisonCountAsync());
        Assert.Equal(1, (await Given.StoredAsync(web)).TargetNumContainers);
        Assert.Equal(0, (int)(await App.GetJsonAsync("/api/audit/v1/action/"))["meta"]!["total_count"]!);
    }

    [Fact]
    public async Task A_read_only_keys_command_is_rejected_naming_the_role_and_changes_nothing()
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var created = await App.Client.PostAsJsonAsync("/api/account/v1/apikey/", new { label = "watcher", role = "read-only" });
        var key = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;
        var queue = Queue;

        await queue.SendAsync(ScaleWeb(new { kind = "service", name = "web" }, BasicCredentials.Header("admin", key)));

        var reply = await queue.NextReplyAsync();
        Assert.Equal("Rejected", (string?)reply["state"]);
        Assert.Contains("operator role", (string?)reply["reason"]);
        Assert.Equal(1, (await Given.StoredAsync(web)).TargetNumContainers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_cannot_act_on_another_namespaces_object(bool claimingTheNamespace)
    {
        var web = await Given.CreateAsync("web");
        await Given.SetStateAsync(web, ServiceState.Running);
        var bob = await Given.OtherNamespaceClientAsync();
        var queue = Queue;
        var message = new JsonObject
        {
            ["authorization"] = bob.DefaultRequestHeaders.Authorization!.ToString(),
            ["target"] = new JsonObject { ["kind"] = "service", ["uuid"] = (string)web["uuid"]! },
            ["operation"] = "stop",
            ["reply_to"] = App.TablePrefix + "-replies",
        };
        if (claimingTheNamespace)
            message["namespace"] = FunctionsCloudTestHost.AdminNamespace;

        await queue.SendAsync(message);

        var reply = await queue.NextReplyAsync();
        Assert.Equal("Rejected", (string?)reply["state"]);
        Assert.Equal(ServiceState.Running, (await Given.StoredAsync(web)).State);
        Assert.Equal(0, (int)(await App.GetJsonAsync("/api/audit/v1/action/"))["meta"]!["total_count"]!);
        var bobsActions = await bob.GetFromJsonAsync<JsonObject>("/api/audit/v1/action/");
        Assert.Equal("Failed", (string?)Assert.Single(bobsActions!["objects"]!.AsArray())!["state"]);
    }
}
