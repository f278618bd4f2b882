using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Testing;

namespace FunctionsCloud.Functions.Tests.Commands;

/// <summary>Drops command messages on the test app's command queue (Base64, as the Functions host reads them) and reads its reply and poison queues.</summary>
public sealed class CommandQueueDriver(FunctionsCloudTestHost app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public QueueClient Commands { get; } = new(AzuriteFixture.ConnectionString, app.TablePrefix + "-commands");
    public QueueClient Replies { get; } = new(AzuriteFixture.ConnectionString, app.TablePrefix + "-replies");
    public QueueClient Poison { get; } = new(AzuriteFixture.ConnectionString, app.TablePrefix + "-commands-poison");

    public string AdminCredential => BasicCredentials.Header(FunctionsCloudTestHost.AdminUser, app.AdminKey);

    public async Task SendAsync(object message)
    {
        await Commands.CreateIfNotExistsAsync();
        var json = JsonSerializer.Serialize(message);
        await Commands.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>The next reply, taken off the reply queue.</summary>
    public async Task<JsonObject> NextReplyAsync()
    {
        await Replies.CreateIfNotExistsAsync();
        return JsonNode.Parse(await UntilAsync(async () =>
        {
            var received = (await Replies.ReceiveMessageAsync()).Value;
            if (received is null)
                return null;
            await Replies.DeleteMessageAsync(received.MessageId, received.PopReceipt);
            return received.Body.ToString();
        }, "a reply"))!.AsObject();
    }

    /// <summary>Waits until the command queue holds no message, visible or not: every delivery has been settled.</summary>
    public Task DrainedAsync() =>
        UntilAsync(async () => (await Commands.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? "" : null, "the command queue to drain");

    public async Task<int> PoisonCountAsync() =>
        await Poison.ExistsAsync() ? (await Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {Patience} for {what}.");
            await Task.Delay(100);
        }
    }
}
